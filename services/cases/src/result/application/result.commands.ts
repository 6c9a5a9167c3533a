import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadUserInputError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import { caseResultedV1, caseStateChangedV1 } from '@ccsc/contracts';
import { appendToOutbox } from '@ccsc/messaging';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { checkImpositions, Imposition } from '../domain/case-result';
import { loadVisibleCase } from '../../case/application/visible-case';
import { caseActorOf } from '../../case/domain/party-access';

export interface RecordResultCommand {
  defendantPartyId: string;
  outcome: string;
  impositions: Imposition[];
}

export interface CaseResult extends RecordResultCommand {
  id: string;
  caseId: string;
  resultedBy: string;
  resultedAt: Date;
}

/**
 * Records a court result: the case moves on by its type's `result` event, the result is kept, and
 * one event carries every financial imposition so enforcement can open the fine account.
 */
@Injectable()
export class ResultCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  record(caseId: string, command: RecordResultCommand, principal: Principal, correlationId?: string, now = new Date()): Promise<CaseResult> {
    return this.dataSource.transaction(async (manager) => {
      const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
      const impositions = checkImpositions(command.impositions);
      if (impositions.length && !aggregate.type.resultsMayImposeFinancialPenalties) {
        throw new BadUserInputError('This case type cannot impose financial penalties', [{ field: 'impositions', message: `not allowed for ${aggregate.type.id}` }]);
      }
      const defendant = aggregate.party(command.defendantPartyId);
      if (defendant.role !== 'defendant') throw new BadUserInputError('Not a defendant', [{ field: 'defendantPartyId', message: 'must be a defendant of the case' }]);

      const { from, to } = aggregate.trigger('result', caseActorOf(principal, aggregate.parties), now);
      await this.cases.update(manager, aggregate);
      await this.cases.recordTransition(manager, { caseId, event: 'result', from, to, actor: principal.sub, actorRoles: principal.roles, reason: command.outcome, at: now });
      const result: CaseResult = { id: randomUUID(), caseId, ...command, impositions, resultedBy: principal.sub, resultedAt: now };
      await manager.query(
        `INSERT INTO case_results (id, case_id, defendant_party_id, outcome, impositions, resulted_by, resulted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [result.id, caseId, defendant.id, command.outcome, JSON.stringify(impositions), principal.sub, now],
      );
      const { reference } = aggregate.snapshot;
      await appendToOutbox(
        manager,
        [
          { type: caseStateChangedV1, subject: caseId, data: { caseId, reference, event: 'result', from, to } },
          {
            type: caseResultedV1,
            subject: caseId,
            data: { caseId, reference, resultId: result.id, defendantPartyId: defendant.id, outcome: command.outcome, impositions, resultedAt: now.toISOString() },
          },
        ],
        { correlationId, actor: principal.sub },
        now,
      );
      return result;
    });
  }
}

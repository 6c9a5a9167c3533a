import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import { caseResultedV1, caseStateChangedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { loadVisibleCase } from '../../case/application/visible-case';
import { caseActorOf } from '../../case/domain/party-access';
import { CaseResult, checkImpositions, RecordResultCommand } from '../domain/case-result';
import { ResultRepository } from '../infrastructure/result.repository';

/**
 * Records a court result: the case moves on by its type's `result` event, the result is kept, and
 * one event carries every financial imposition so enforcement can open the fine account.
 */
@Injectable()
export class ResultCommands {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly results: ResultRepository,
  ) {}

  record(
    caseId: string,
    command: RecordResultCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<CaseResult> {
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager, publish }) => {
        const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
        const impositions = checkImpositions(command.impositions);
        if (impositions.length && !aggregate.type.resultsMayImposeFinancialPenalties) {
          throw new BadUserInputError('This case type cannot impose financial penalties', [
            { field: 'impositions', message: `not allowed for ${aggregate.type.id}` },
          ]);
        }
        const defendant = aggregate.party(command.defendantPartyId);
        if (defendant.role !== 'defendant') {
          throw new BadUserInputError('Not a defendant', [
            { field: 'defendantPartyId', message: 'must be a defendant of the case' },
          ]);
        }

        const { from, to } = aggregate.trigger('result', caseActorOf(principal, aggregate.parties), now);
        await this.cases.update(manager, aggregate);
        const transition = {
          caseId,
          event: 'result',
          from,
          to,
          actor: principal.sub,
          actorRoles: principal.roles,
          reason: command.outcome,
          at: now,
        };
        await this.cases.recordTransition(manager, transition);
        const result: CaseResult = {
          id: randomUUID(),
          caseId,
          ...command,
          impositions,
          resultedBy: principal.sub,
          resultedAt: now,
        };
        await this.results.insert(manager, result);
        const { reference } = aggregate.snapshot;
        publish(
          { type: caseStateChangedV1, subject: caseId, data: { caseId, reference, event: 'result', from, to } },
          {
            type: caseResultedV1,
            subject: caseId,
            data: {
              caseId,
              reference,
              resultId: result.id,
              defendantPartyId: defendant.id,
              outcome: command.outcome,
              impositions,
              resultedAt: now.toISOString(),
            },
          },
        );
        return result;
      },
      now,
    );
  }
}

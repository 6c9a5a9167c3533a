import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import { caseResultedV2, caseStateChangedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { loadVisibleCase } from '../../case/application/visible-case';
import { caseActorOf } from '../../case/domain/party-access';
import { CaseResult, checkImpositions, RecordResultCommand } from '../domain/case-result';
import { ResultRepository } from '../infrastructure/result.repository';

/**
 * Records a court result of one defendant: the result is kept, and one event carries every financial
 * imposition so enforcement can open that defendant's fine account; the case moves on by its type's
 * `result` event once every defendant has been resulted.
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
        const alreadyResulted = await this.results.resultedDefendants(manager, caseId);
        const actor = caseActorOf(principal, aggregate.parties);
        const transition = aggregate.resultDefendant(command.defendantPartyId, alreadyResulted, actor, now);
        const defendant = aggregate.party(command.defendantPartyId);
        // The last defendant's result moves the case on; the ones before it leave it where it is.
        if (transition) {
          await this.cases.update(manager, aggregate);
          await this.cases.recordTransition(manager, {
            caseId,
            event: 'result',
            ...transition,
            actor: principal.sub,
            actorRoles: principal.roles,
            // No reason: the outcome is the last defendant's own, and every party reads the case's history.
            at: now,
          });
        }
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
        const court = impositions.length ? await this.results.courtOf(manager, caseId, now) : undefined;
        if (transition)
          publish({
            type: caseStateChangedV1,
            subject: caseId,
            data: { caseId, reference, event: 'result', ...transition },
          });
        publish({
          type: caseResultedV2,
          subject: caseId,
          data: {
            caseId,
            reference,
            resultId: result.id,
            defendantPartyId: defendant.id,
            outcome: command.outcome,
            impositions,
            ...(court ? { court } : {}),
            resultedAt: now.toISOString(),
          },
        });
        return result;
      },
      now,
    );
  }
}

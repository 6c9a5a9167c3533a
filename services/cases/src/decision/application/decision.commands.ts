import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BadUserInputError, ConflictError, NotFoundError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import { decisionCheckedV1, decisionRecordedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { loadVisibleCase } from '../../case/application/visible-case';
import {
  checkDecision,
  decisionTimingProblem,
  type CheckDecisionCommand,
  type Decision,
  type RecordDecisionCommand,
} from '../domain/decision';
import { DecisionRepository } from '../infrastructure/decision.repository';

/** Decisions are records, never edited: a correction is a new decision that supersedes the old. */
@Injectable()
export class DecisionCommands {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly decisions: DecisionRepository,
  ) {}

  record(
    caseId: string,
    command: RecordDecisionCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Decision> {
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager, publish }) => {
        // The case row is locked from here: decisions on one case are recorded one at a time.
        const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
        aggregate.assertNotEnded('no decision is recorded on a case that has ended');
        const untimely = decisionTimingProblem(aggregate.type, aggregate.snapshot.state, 'record');
        if (untimely) throw new ConflictError(untimely);
        if (!command.supersedes) {
          // One decision is current at a time: a second one must say which it corrects.
          const current = await this.decisions.currentOf(manager, caseId);
          if (current)
            throw new ConflictError(
              `The case already has a decision (${current.id}); a new one must supersede it explicitly`,
            );
        } else {
          const previous = await this.decisions.findInCase(manager, caseId, command.supersedes);
          if (!previous)
            throw new BadUserInputError('Unknown decision', [
              { field: 'supersedes', message: 'is not a decision of this case' },
            ]);
          if (previous.superseded)
            throw new ConflictError('That decision has already been superseded; supersede the current one');
        }
        // A null `supersedes` (a JSON body or a GraphQL variable may send one) supersedes nothing, as absent does.
        const supersedes = command.supersedes ? { supersedes: command.supersedes } : {};
        const { supersedes: _asked, ...made } = command;
        const decision: Decision = {
          id: randomUUID(),
          caseId,
          ...made,
          ...supersedes,
          decidedBy: principal.sub,
          decidedAt: now,
        };
        await this.decisions.insert(manager, decision);
        publish({
          type: decisionRecordedV1,
          subject: caseId,
          data: { caseId, decisionId: decision.id, outcome: command.outcome, ...supersedes },
        });
        return decision;
      },
      now,
    );
  }

  /** A second person approves the decision, or returns it with comments; what a notice may be served on waits for it. */
  check(
    caseId: string,
    decisionId: string,
    command: CheckDecisionCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Decision> {
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager, publish }) => {
        // The case row is locked: a check and a superseding decision on one case never pass each other.
        const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
        const untimely = decisionTimingProblem(aggregate.type, aggregate.snapshot.state, 'check');
        if (untimely) throw new ConflictError(untimely);
        const decision = await this.decisions.findWithCheck(manager, caseId, decisionId);
        if (!decision) throw new NotFoundError('The decision');
        const check = checkDecision(decision, command, principal.sub, now);
        await this.decisions.saveCheck(manager, decisionId, check);
        publish({ type: decisionCheckedV1, subject: caseId, data: { caseId, decisionId, outcome: check.outcome } });
        return { ...decision, check };
      },
      now,
    );
  }
}

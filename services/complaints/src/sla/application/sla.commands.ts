import { Injectable } from '@nestjs/common';
import { complaintStageBreachedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { ComplaintStageRepository } from '../infrastructure/complaint-stage.repository';

export interface SlaRunResult {
  ranAt: Date;
  /** Stages whose at-risk flag this run turned on or off. */
  atRiskChanged: number;
  /** Stages this run found past their deadline for the first time (one breach event each). */
  breached: number;
}

/**
 * The scheduled run: one UPDATE sets the at-risk and breached flags from the deadlines the calendar
 * fixed when each stage started, and the stages breached for the first time get their event and
 * timeline entry in the same transaction, each as one insert. Concurrent runs queue on the row
 * locks and the second finds nothing new, so a breach is announced once.
 */
@Injectable()
export class ComplaintSlaRun {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly stages: ComplaintStageRepository,
  ) {}

  run(now = new Date(), actor = 'system'): Promise<SlaRunResult> {
    return this.unitOfWork.run(
      { actor },
      async (tx) => {
        const flagged = await this.stages.flagDeadlines(tx.manager, tx.now);
        const breached = flagged.filter((s) => s.newlyBreached);
        if (breached.length) {
          await this.stages.appendBreaches(tx.manager, breached, actor, tx.now);
          tx.publish(
            ...breached.map((s) => ({
              type: complaintStageBreachedV1,
              subject: s.complaintId,
              data: { complaintId: s.complaintId, stage: s.stage, dueAt: s.dueAt.toISOString(), caseIds: s.caseIds },
            })),
          );
        }
        return { ranAt: tx.now, atRiskChanged: flagged.length - breached.length, breached: breached.length };
      },
      now,
    );
  }
}

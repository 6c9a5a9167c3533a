import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@ccsc/messaging';
import { BadUserInputError } from '@ccsc/platform';
import { targetProblem } from '../domain/sla-clock';
import type { SlaPolicy } from '../domain/sla-policy';
import { SlaClockRepository } from '../infrastructure/sla-clock.repository';

@Injectable()
export class SlaCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clocks: SlaClockRepository,
  ) {}

  /** A team leader sets an SLA target; clocks already running keep theirs. */
  async savePolicy(policy: SlaPolicy): Promise<SlaPolicy> {
    const problem = targetProblem(policy);
    if (problem) {
      throw new BadUserInputError('The SLA target cannot be saved as given', [{ field: 'amount', message: problem }]);
    }
    await this.unitOfWork.run({}, (tx) => this.clocks.savePolicy(tx.manager, policy));
    return policy;
  }
}

export interface SlaRunResult {
  /** Clocks newly flagged at risk. */
  atRisk: number;
  /** Clocks newly flagged breached, each with its event in the outbox. */
  breached: number;
  ranAt: Date;
}

/**
 * The scheduled SLA run, also callable by staff: one statement for all open enquiries, which writes
 * its breach events into the outbox itself.
 */
@Injectable()
export class SlaBreachRun {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clocks: SlaClockRepository,
  ) {}

  run(now = new Date()): Promise<SlaRunResult> {
    return this.unitOfWork.run(
      { actor: 'system' },
      async (tx) => {
        const counts = await this.clocks.flagDue(tx.manager, tx.now);
        if (counts.breached > 0) tx.wroteOutboxRows();
        return { ...counts, ranAt: tx.now };
      },
      now,
    );
  }
}

import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { type LocalDate, londonLocalDate } from '@ccsc/calendar';
import { UnitOfWork } from '@ccsc/messaging';
import { AppError, runDay } from '@ccsc/platform';
import { CASE_TYPES } from '../../case-type/case-types';
import { endsOnGivenDay, type StateDeadline } from '../../case-type/domain/case-type.definition';
import { CASE_CALENDAR, enteredBefore } from '../../case-type/domain/deadlines';
import { moveCaseOn } from '../../case/application/case.commands';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { DeadlineRunRepository, type DueCases, type RunPosition } from '../infrastructure/deadline-run.repository';

export interface DeadlineRunResult {
  id: string;
  runOn: LocalDate;
  calendarVersion: string;
  /** Cases moved on by the event their state's deadline triggers. */
  triggered: number;
  /** Cases whose deadline has passed but whose event is not possible yet (its readiness is not met): left as they are. */
  waiting: number;
}

/** The deadline run moves cases on as the system, whoever started it: the deadline, not the person, triggers the event. */
const DEADLINE_RUN: Principal = { sub: 'case-deadline-run', roles: ['system'] };
// One transaction per batch: short locks, and a failure loses one batch's work, which the next run does again.
const BATCH = 200;

/**
 * The case-deadline run, as a use case: the scheduler and staff (the API) call it. For each deadline that triggers
 * an event, it takes the set of cases that entered the state before the day by which the deadline has passed
 * (one indexed query per batch, in entry order), and moves each on through the same path as a person's event.
 * Each case is moved on once: the event takes it out of the state the set is drawn from, and a case another run
 * holds is skipped. The run is recorded with the calendar version its dates come from.
 */
@Injectable()
export class DeadlineRun {
  private readonly logger = new Logger('DeadlineRun');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly runs: DeadlineRunRepository,
  ) {}

  async run(asOf?: LocalDate, runBy = 'system', now = new Date()): Promise<DeadlineRunResult> {
    const runOn = runDay(asOf, londonLocalDate(now), 'A deadline run');
    const startedAt = new Date();
    let triggered = 0;
    let waiting = 0;
    for (const type of CASE_TYPES) {
      for (const deadline of type.deadlines ?? []) {
        if (!deadline.triggers) continue;
        const done = await this.runDeadline(type.id, deadline, deadline.triggers, runOn, now);
        triggered += done.triggered;
        waiting += done.waiting;
      }
    }
    const calendarVersion = CASE_CALENDAR.version;
    const id = await this.unitOfWork.run({ actor: runBy }, (tx) =>
      this.runs.record(tx.manager, { runOn, calendarVersion, triggered, runBy, startedAt, finishedAt: new Date() }),
    );
    const result = { id, runOn, calendarVersion, triggered, waiting };
    this.logger.log(result, 'case deadline run finished');
    return result;
  }

  private async runDeadline(
    caseType: string,
    deadline: StateDeadline,
    event: string,
    runOn: LocalDate,
    now: Date,
  ): Promise<{ triggered: number; waiting: number }> {
    const due: DueCases = endsOnGivenDay(deadline)
      ? { caseType, state: deadline.state, untilBefore: runOn }
      : { caseType, state: deadline.state, enteredBefore: enteredBefore(deadline, runOn) };
    let position: RunPosition | undefined;
    let triggered = 0;
    let waiting = 0;
    for (;;) {
      const batch = await this.unitOfWork.run({ actor: DEADLINE_RUN.sub }, async (tx) => {
        const found = await this.runs.nextDue(tx.manager, due, position, BATCH);
        for (const { id } of found) {
          const aggregate = await this.cases.findForUpdate(tx.manager, id);
          if (!aggregate) continue;
          try {
            await moveCaseOn(tx, this.cases, aggregate, event, DEADLINE_RUN, { reason: `${deadline.id} passed` }, now);
            triggered++;
          } catch (error) {
            // Not possible now (a readiness criterion is not met): the case waits for a person, and the next run.
            if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
            waiting++;
          }
        }
        return found;
      });
      if (batch.length < BATCH) return { triggered, waiting };
      position = batch[batch.length - 1];
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { LocalDate, londonLocalDate } from '@ccsc/calendar';
import { UnitOfWork } from '@ccsc/messaging';
import { runDay } from '@ccsc/platform';
import { ENFORCEMENT_PATHS } from '../domain/enforcement-paths';
import { DefaultRunRepository } from '../infrastructure/default-run.repository';

export interface DefaultRunResult {
  runOn: LocalDate;
  defaulted: number;
  actions: number;
  warrants: number;
  expiredWarrants: number;
  durationMs: number;
}

/**
 * The daily default run, as a use case: the scheduler (an interval in the app) and staff (the API)
 * call it. One set-based statement changes every account it must and writes their events.
 */
@Injectable()
export class DefaultRun {
  private readonly logger = new Logger('DefaultRun');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly runs: DefaultRunRepository,
  ) {}

  run(asOf?: LocalDate, actor = 'system', now = new Date()): Promise<DefaultRunResult> {
    const runOn = runDay(asOf, londonLocalDate(now), 'A default run');
    const started = performance.now();
    // The run writes its own events, in the same statement (see DEFAULT_RUN_SQL): it publishes none here.
    return this.unitOfWork.run(
      { actor },
      async (tx) => {
        await this.runs.lockRuns(tx.manager);
        const counts = await this.runs.run(tx.manager, runOn, ENFORCEMENT_PATHS, tx.now, actor);
        // The run's statement writes its events into the outbox itself.
        tx.wroteOutboxRows();
        await this.runs.record(tx.manager, runOn, tx.now, counts);
        const result = { runOn, ...counts, durationMs: Math.round(performance.now() - started) };
        this.logger.log(result, 'default run finished');
        return result;
      },
      now,
    );
  }
}

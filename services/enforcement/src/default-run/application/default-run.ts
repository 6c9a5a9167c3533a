import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isLocalDate, LocalDate, londonLocalDate } from '@ccsc/calendar';
import { BadUserInputError } from '@ccsc/platform';
import { ENFORCEMENT_PATHS } from '../domain/enforcement-paths';
import { DEFAULT_RUN_SQL, defaultRunParams } from '../infrastructure/default-run.sql';

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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run(asOf?: LocalDate, actor = 'system', now = new Date()): Promise<DefaultRunResult> {
    const runOn = asOf ?? londonLocalDate(now);
    if (!isLocalDate(runOn)) throw new BadUserInputError('Invalid day', [{ field: 'runOn', message: 'must be a calendar day as YYYY-MM-DD' }]);
    const started = performance.now();
    return this.dataSource.transaction(async (manager) => {
      // One run at a time: a second caller waits and then finds nothing left to do.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('enforcement-default-run'))`);
      const [counts] = (await manager.query(DEFAULT_RUN_SQL, defaultRunParams(runOn, ENFORCEMENT_PATHS, now, actor))) as [{ defaulted: number; actions: number; warrants: number; expiredWarrants: number }];
      await manager.query(`INSERT INTO default_runs (run_on, started_at, finished_at, defaulted, actions) VALUES ($1, $2, clock_timestamp(), $3, $4)`, [runOn, now, counts.defaulted, counts.actions]);
      const result = { runOn, ...counts, durationMs: Math.round(performance.now() - started) };
      this.logger.log(result, 'default run finished');
      return result;
    });
  }
}

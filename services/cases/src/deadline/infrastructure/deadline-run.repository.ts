import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@ccsc/calendar';
import { execute, query, sql } from '@ccsc/platform';

/** Where a run has got to in one deadline's set: the last case it looked at, in (entered, id) order. */
export interface RunPosition {
  enteredAt: Date;
  id: string;
}

/** The cases of a type in a state whose deadline has passed: by when they entered it, or by the day given. */
export type DueCases = { caseType: string; state: string } & ({ enteredBefore: Date } | { untilBefore: LocalDate });

/** The cases a deadline run works through, and the record of each run. */
@Injectable()
export class DeadlineRunRepository {
  /**
   * The next cases of a type in a state whose deadline has passed, after `position`, locked for the run; a case
   * another run holds is skipped (that run moves it on). Passed means entered before `enteredBefore` (served by
   * the index cases_state_entered), or, for a state whose end day the entering event gave, a day before
   * `untilBefore` (cases_state_until).
   */
  async nextDue(
    manager: EntityManager,
    due: DueCases,
    position: RunPosition | undefined,
    limit: number,
  ): Promise<RunPosition[]> {
    const after = position ? sql`AND (state_entered_at, id) > (${position.enteredAt}, ${position.id}::uuid)` : sql``;
    const passed =
      'untilBefore' in due ? sql`state_until < ${due.untilBefore}::date` : sql`state_entered_at < ${due.enteredBefore}`;
    const rows = await query<{ id: string; state_entered_at: Date }>(
      manager,
      sql`SELECT id, state_entered_at FROM cases
        WHERE case_type = ${due.caseType} AND state = ${due.state} AND ${passed} ${after}
        ORDER BY state_entered_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    );
    return rows.map((r) => ({ id: r.id, enteredAt: r.state_entered_at }));
  }

  async record(
    manager: EntityManager,
    run: {
      runOn: LocalDate;
      calendarVersion: string;
      triggered: number;
      runBy: string;
      startedAt: Date;
      finishedAt: Date;
    },
  ): Promise<string> {
    const id = randomUUID();
    await execute(
      manager,
      sql`INSERT INTO case_deadline_runs (id, run_on, calendar_version, triggered, run_by, started_at, finished_at)
        VALUES (${id}, ${run.runOn}, ${run.calendarVersion}, ${run.triggered}, ${run.runBy}, ${run.startedAt}, ${run.finishedAt})`,
    );
    return id;
  }
}

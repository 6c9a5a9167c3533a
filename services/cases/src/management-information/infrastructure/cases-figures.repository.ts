import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inMiPeriod, miBucketSql, type MiPeriod } from '@ccsc/management-information';
import { query, sql } from '@ccsc/platform';
import type { CaseMovesRow, FinalState } from '../domain/cases-figures';

/**
 * The period's changes of state, from the cases' own history (`case_history`: every transition, when and
 * by which event), added up in the database: one statement, one pass over the period's transitions
 * (the `case_history_at` index), whatever the number of cases.
 */
@Injectable()
export class CasesFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Per bucket, per case type, and for the whole period: transitions by `issueEvent` are issues, those
   * into a final state of the case's type closures, every other change of state progress. Days to issue
   * are whole London days from the case's creation to its issue, so a case opened at 00:30 in summer is
   * counted from that London day, not the UTC one before it.
   */
  moves(period: MiPeriod, issueEvent: string, finalStates: readonly FinalState[]): Promise<CaseMovesRow[]> {
    return query<CaseMovesRow>(
      this.dataSource,
      sql`WITH moves AS (
          SELECT ${miBucketSql(sql`h.at`, period)} AS bucket, c.case_type,
            h.event = ${issueEvent} AS issued, f.state IS NOT NULL AS closed,
            CASE WHEN h.event = ${issueEvent}
              THEN (h.at AT TIME ZONE 'Europe/London')::date - (c.created_at AT TIME ZONE 'Europe/London')::date
            END AS days_to_issue
          FROM case_history h
          JOIN cases c ON c.id = h.case_id
          LEFT JOIN unnest(${finalStates.map((s) => s.caseType)}::text[], ${finalStates.map((s) => s.state)}::text[])
            AS f(case_type, state) ON f.case_type = c.case_type AND f.state = h.to_state
          -- An event that leaves the case in the state it was in moved nothing (no case type has one today).
          WHERE ${inMiPeriod(sql`h.at`, period)} AND h.from_state <> h.to_state
        )
        SELECT bucket, case_type AS "caseType",
          count(*) FILTER (WHERE issued)::int AS issued,
          count(*) FILTER (WHERE NOT issued AND NOT closed)::int AS progressed,
          count(*) FILTER (WHERE closed)::int AS closed,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_issue) AS "medianDaysToIssue"
        FROM moves
        GROUP BY GROUPING SETS ((bucket), (case_type), ())`,
    );
  }
}

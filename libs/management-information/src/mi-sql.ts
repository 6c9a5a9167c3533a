import { sql, type Sql } from '@ccsc/platform';
import type { MiPeriod } from './mi-period';

/**
 * The label of the bucket a timestamp column falls in, as PostgreSQL computes it: the London day,
 * week (from Monday) or month it starts, clipped to the period's first day, as YYYY-MM-DD text, the
 * same as `MiBucket.start`. Use it in SELECT and GROUP BY, with `inMiPeriod` in WHERE.
 */
export function miBucketSql(column: Sql, period: MiPeriod): Sql {
  return sql`to_char(greatest(date_trunc(${period.granularity}, ${column} AT TIME ZONE 'Europe/London')::date, ${period.from}::date), 'YYYY-MM-DD')`;
}

/** The column within the period: London midnight starting `from` inclusive to midnight ending `to`. */
export function inMiPeriod(column: Sql, period: MiPeriod): Sql {
  return sql`${column} >= ${period.start} AND ${column} < ${period.end}`;
}

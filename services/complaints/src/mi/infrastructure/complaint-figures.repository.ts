import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { joinSql, query, rawSql, sql, type Sql } from '@ccsc/platform';

export interface StageFiguresRow {
  stage: number;
  received: number;
  answered: number;
  answered_on_time: number;
}

export interface OutcomeFiguresRow {
  category: string;
  business_area: string;
  closed: number;
  upheld: number;
  partially_upheld: number;
  not_upheld: number;
}

/**
 * The label of the bucket an instant column counts in: one label for the whole range (the daily and
 * monthly figures here), or its day, week or month (`miBucketSql`, the management information).
 */
export type BucketOf = (column: Sql) => Sql;

/** The whole range as one bucket. */
const WHOLE_RANGE: BucketOf = () => sql`'all'`;

export type StageCountsRow = StageFiguresRow & { bucket: string };

/**
 * The stage figures of [from, to), per bucket and stage: stages started (new complaints at stage 1,
 * escalations at 2 and 3), stages answered whenever they started, and of those the ones answered by
 * their deadline. One definition for both the complaint figures and the management information. Each
 * count is taken on its own instant in its own branch, so each branch can read that instant's index;
 * a bucket and stage with nothing is absent.
 */
export function stageCountsSql(from: Date, to: Date, bucketOf: BucketOf = WHOLE_RANGE): Sql {
  return sql`SELECT bucket, stage, sum(received)::int AS received, sum(answered)::int AS answered,
                    sum(answered_on_time)::int AS answered_on_time
             FROM (SELECT ${bucketOf(sql`started_at`)} AS bucket, stage, count(*) AS received, 0 AS answered,
                          0 AS answered_on_time
                   FROM complaint_stages WHERE started_at >= ${from} AND started_at < ${to}
                   GROUP BY 1, 2
                   UNION ALL
                   SELECT ${bucketOf(sql`responded_at`)}, stage, 0, count(*),
                          count(*) FILTER (WHERE responded_at <= due_at)
                   FROM complaint_stages WHERE responded_at >= ${from} AND responded_at < ${to}
                   GROUP BY 1, 2) counts
             GROUP BY bucket, stage ORDER BY bucket, stage`;
}

/** What a closure can be counted by: the complaint's own category, or its root cause's business area and category. */
export type ClosureDimension = 'category' | 'business_area' | 'cause_category';

export type ClosedCountsRow = Partial<Record<ClosureDimension, string>> &
  Pick<OutcomeFiguresRow, 'closed' | 'upheld' | 'partially_upheld' | 'not_upheld'>;

/** Complaints closed in [from, to) by the given columns (in that order), with their outcomes at closing. */
export function closedCountsSql(from: Date, to: Date, by: readonly ClosureDimension[]): Sql {
  // The dimensions are this module's own column names, never a caller's text.
  const columns = joinSql(by.map((column) => rawSql(column)));
  return sql`SELECT ${columns}, count(*)::int AS closed,
                    count(*) FILTER (WHERE outcome = 'upheld')::int AS upheld,
                    count(*) FILTER (WHERE outcome = 'partially-upheld')::int AS partially_upheld,
                    count(*) FILTER (WHERE outcome = 'not-upheld')::int AS not_upheld
             FROM complaints WHERE closed_at >= ${from} AND closed_at < ${to}
             GROUP BY ${columns} ORDER BY ${columns}`;
}

/** The complaint figures of a period [from, to), each from one grouped query. */
@Injectable()
export class ComplaintFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per stage: started, answered, and answered by the deadline in the period; stages with none are absent. */
  stages(from: Date, to: Date): Promise<StageFiguresRow[]> {
    return query<StageCountsRow>(this.dataSource, stageCountsSql(from, to));
  }

  /** Complaints closed in the period by category and business area, with their outcomes. */
  outcomes(from: Date, to: Date): Promise<OutcomeFiguresRow[]> {
    return query<OutcomeFiguresRow>(this.dataSource, closedCountsSql(from, to, ['category', 'business_area']));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query, sql } from '@ccsc/platform';

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

/** The complaint figures of a period [from, to), each from one grouped query. */
@Injectable()
export class ComplaintFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per stage: started, answered, and answered by the deadline in the period; stages with none are absent. */
  stages(from: Date, to: Date): Promise<StageFiguresRow[]> {
    const started = sql`st.started_at >= ${from} AND st.started_at < ${to}`;
    const responded = sql`st.responded_at >= ${from} AND st.responded_at < ${to}`;
    return query<StageFiguresRow>(
      this.dataSource,
      sql`SELECT st.stage,
                 count(*) FILTER (WHERE ${started})::int AS received,
                 count(*) FILTER (WHERE ${responded})::int AS answered,
                 count(*) FILTER (WHERE ${responded} AND st.responded_at <= st.due_at)::int AS answered_on_time
          FROM complaint_stages st
          WHERE (${started}) OR (${responded})
          GROUP BY st.stage`,
    );
  }

  /** Complaints closed in the period by category and business area, with their outcomes. */
  outcomes(from: Date, to: Date): Promise<OutcomeFiguresRow[]> {
    return query<OutcomeFiguresRow>(
      this.dataSource,
      sql`SELECT category, business_area, count(*)::int AS closed,
                 count(*) FILTER (WHERE outcome = 'upheld')::int AS upheld,
                 count(*) FILTER (WHERE outcome = 'partially-upheld')::int AS partially_upheld,
                 count(*) FILTER (WHERE outcome = 'not-upheld')::int AS not_upheld
          FROM complaints WHERE closed_at >= ${from} AND closed_at < ${to}
          GROUP BY category, business_area ORDER BY category, business_area`,
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, isLocalDate, londonInstant, type LocalDate } from '@ccsc/calendar';
import { BadUserInputError } from '@ccsc/platform';

export type MiPeriod = 'day' | 'month';

export interface StageFigures {
  stage: number;
  /** Stages started in the period: new complaints at stage 1, escalations at 2 and 3. */
  received: number;
  answered: number;
  answeredOnTime: number;
}

export interface OutcomeFigures {
  category: string;
  businessArea: string;
  closed: number;
  upheld: number;
  partiallyUpheld: number;
  notUpheld: number;
  /** Upheld and partially upheld over closed, in whole per cent. */
  upheldRatePercent: number;
}

export interface ComplaintMi {
  period: MiPeriod;
  /** The London day (YYYY-MM-DD) or month (YYYY-MM). */
  start: string;
  from: Date;
  to: Date;
  received: number;
  stages: StageFigures[];
  outcomes: OutcomeFigures[];
}

/** Daily and monthly figures, each from one grouped query over the period's London bounds. */
@Injectable()
export class ComplaintMiQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(period: MiPeriod, start: string): Promise<ComplaintMi> {
    const { from, to } = bounds(period, start);
    const stageRows = (await this.dataSource.query(
      `SELECT st.stage,
              count(*) FILTER (WHERE st.started_at >= $1 AND st.started_at < $2)::int AS received,
              count(*) FILTER (WHERE st.responded_at >= $1 AND st.responded_at < $2)::int AS answered,
              count(*) FILTER (WHERE st.responded_at >= $1 AND st.responded_at < $2 AND st.responded_at <= st.due_at)::int AS answered_on_time
       FROM complaint_stages st
       WHERE (st.started_at >= $1 AND st.started_at < $2) OR (st.responded_at >= $1 AND st.responded_at < $2)
       GROUP BY st.stage`,
      [from, to],
    )) as { stage: number; received: number; answered: number; answered_on_time: number }[];
    const outcomeRows = (await this.dataSource.query(
      `SELECT category, business_area, count(*)::int AS closed,
              count(*) FILTER (WHERE outcome = 'upheld')::int AS upheld,
              count(*) FILTER (WHERE outcome = 'partially-upheld')::int AS partially_upheld,
              count(*) FILTER (WHERE outcome = 'not-upheld')::int AS not_upheld
       FROM complaints WHERE closed_at >= $1 AND closed_at < $2
       GROUP BY category, business_area ORDER BY category, business_area`,
      [from, to],
    )) as { category: string; business_area: string; closed: number; upheld: number; partially_upheld: number; not_upheld: number }[];
    const stages = [1, 2, 3].map((stage) => {
      const row = stageRows.find((r) => Number(r.stage) === stage);
      return { stage, received: row?.received ?? 0, answered: row?.answered ?? 0, answeredOnTime: row?.answered_on_time ?? 0 };
    });
    return {
      period,
      start,
      from,
      to,
      received: stages.find((s) => s.stage === 1)?.received ?? 0,
      stages,
      outcomes: outcomeRows.map((r) => ({
        category: r.category,
        businessArea: r.business_area,
        closed: r.closed,
        upheld: r.upheld,
        partiallyUpheld: r.partially_upheld,
        notUpheld: r.not_upheld,
        upheldRatePercent: Math.round(((r.upheld + r.partially_upheld) * 100) / r.closed),
      })),
    };
  }
}

/** [from, to) of a London day or month; clock changes make some days 23 or 25 hours long. */
export function bounds(period: MiPeriod, start: string): { from: Date; to: Date } {
  if (period === 'day') {
    if (!isLocalDate(start)) throw new BadUserInputError('Invalid day', [{ field: 'start', message: 'must be a day as YYYY-MM-DD' }]);
    return { from: londonInstant(start), to: londonInstant(addDays(start, 1)) };
  }
  const first: LocalDate = `${start}-01`;
  if (!/^\d{4}-\d{2}$/.test(start) || !isLocalDate(first)) throw new BadUserInputError('Invalid month', [{ field: 'start', message: 'must be a month as YYYY-MM' }]);
  const [year, month] = start.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: londonInstant(first), to: londonInstant(next) };
}

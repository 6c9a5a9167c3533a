import { Injectable } from '@nestjs/common';
import { bounds, type MiPeriod } from '../domain/mi-period';
import { ComplaintFiguresRepository } from '../infrastructure/complaint-figures.repository';

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

/** Daily and monthly figures over the period's London bounds. */
@Injectable()
export class ComplaintMiQueries {
  constructor(private readonly figuresOf: ComplaintFiguresRepository) {}

  async figures(period: MiPeriod, start: string): Promise<ComplaintMi> {
    const { from, to } = bounds(period, start);
    const stageRows = await this.figuresOf.stages(from, to);
    const outcomeRows = await this.figuresOf.outcomes(from, to);
    const stages = [1, 2, 3].map((stage) => {
      const row = stageRows.find((r) => Number(r.stage) === stage);
      return {
        stage,
        received: row?.received ?? 0,
        answered: row?.answered ?? 0,
        answeredOnTime: row?.answered_on_time ?? 0,
      };
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

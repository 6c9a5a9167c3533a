import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { miBucketSql, type MiPeriod } from '@ccsc/management-information';
import { query } from '@ccsc/platform';
import {
  closedCountsSql,
  stageCountsSql,
  type ClosedCountsRow,
  type StageCountsRow,
} from '../../mi/infrastructure/complaint-figures.repository';
import type { ClosureCounts, StageCounts } from '../domain/complaints-figures';

/**
 * The complaints section's counts, grouped in PostgreSQL with the complaint figures' own statements
 * (src/mi): the stages per London bucket of the instant each is counted on, the closures over the
 * whole period by root cause. Each reads its instant's index (complaint_stages_started,
 * complaint_stages_responded, complaints_closed) rather than every complaint ever recorded.
 */
@Injectable()
export class MiComplaintsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stages(period: MiPeriod): Promise<StageCounts[]> {
    const rows = await query<StageCountsRow>(
      this.dataSource,
      stageCountsSql(period.start, period.end, (column) => miBucketSql(column, period)),
    );
    return rows.map((r) => ({
      bucket: r.bucket,
      stage: Number(r.stage),
      received: r.received,
      answered: r.answered,
      answeredOnTime: r.answered_on_time,
    }));
  }

  /** One row per business area and cause category, the section adding them up either way. */
  async closures(period: MiPeriod): Promise<ClosureCounts[]> {
    const rows = await query<ClosedCountsRow>(
      this.dataSource,
      closedCountsSql(period.start, period.end, ['business_area', 'cause_category']),
    );
    // A closed complaint always has its root cause (complaints_root_cause_when_closed).
    return rows.map((r) => ({
      businessArea: r.business_area ?? '',
      cause: r.cause_category ?? '',
      closed: r.closed,
      upheld: r.upheld + r.partially_upheld,
    }));
  }
}

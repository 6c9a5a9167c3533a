import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TimelineEntryModel } from '../api/timeline.model';
import { TimelineEntryEntity } from './timeline.entity';

@Injectable()
export class TimelineQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first. The caller has already checked that the case is visible. */
  async forCase(caseId: string): Promise<TimelineEntryModel[]> {
    const rows = await this.dataSource.manager.find(TimelineEntryEntity, { where: { caseId }, order: { occurredAt: 'ASC', eventId: 'ASC' } });
    return rows.map((r) => ({ eventId: r.eventId, type: r.type, source: r.source, summary: r.summary, occurredAt: r.occurredAt, ...(r.actor ? { actor: r.actor } : {}) }));
  }
}

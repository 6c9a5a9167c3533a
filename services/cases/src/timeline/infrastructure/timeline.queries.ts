import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TimelineEntryModel } from '../api/timeline.model';
import { TimelineEntryEntity } from './timeline.entity';
import { timelineKind, TimelineKind } from '../domain/timeline-kind';

@Injectable()
export class TimelineQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, optionally only some kinds. The caller has already checked that the case is visible. */
  async forCase(caseId: string, kinds?: readonly TimelineKind[]): Promise<TimelineEntryModel[]> {
    const rows = await this.dataSource.manager.find(TimelineEntryEntity, { where: { caseId }, order: { occurredAt: 'ASC', eventId: 'ASC' } });
    return rows
      .map((r) => ({ eventId: r.eventId, type: r.type, kind: timelineKind(r.type), source: r.source, summary: r.summary, occurredAt: r.occurredAt, ...(r.actor ? { actor: r.actor } : {}) }))
      .filter((entry) => !kinds?.length || kinds.includes(entry.kind));
  }
}

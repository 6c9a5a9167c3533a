import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, query, sql } from '@ccsc/platform';
import type { TimelineAudience } from '../domain/timeline-audience';

/** What the timeline keeps of one event for one case. */
export interface TimelineRow {
  eventId: string;
  caseId: string;
  type: string;
  source: string;
  summary: string;
  actor: string | null;
  occurredAt: Date;
  /** `case`, `parties`, `result` or `staff` (domain/timeline-audience). */
  audience: TimelineAudience['kind'];
  partyIds: string[];
}

@Injectable()
export class TimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, e: TimelineRow): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO case_timeline (event_id, case_id, type, source, summary, actor, occurred_at, audience, party_ids)
        VALUES (${e.eventId}, ${e.caseId}, ${e.type}, ${e.source}, ${e.summary}, ${e.actor}, ${e.occurredAt},
          ${e.audience}, ${e.partyIds}::uuid[])`,
    );
  }

  /** Oldest first; the event id only makes the order stable. */
  async forCase(caseId: string): Promise<TimelineRow[]> {
    return query<TimelineRow>(
      this.dataSource,
      sql`SELECT event_id AS "eventId", case_id AS "caseId", type, source, summary, actor,
          occurred_at AS "occurredAt", audience, party_ids AS "partyIds"
        FROM case_timeline WHERE case_id = ${caseId} ORDER BY occurred_at, event_id`,
    );
  }
}

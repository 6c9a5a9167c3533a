import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LocalDate } from '@ccsc/calendar';
import { execute, query, queryOne, sql } from '@ccsc/platform';
import { Hearing, isHearingStatus, isHearingType, londonDayBounds } from '../domain/hearing';

interface HearingRow {
  id: string;
  case_id: string;
  venue_id: string;
  venue_name: string;
  hearing_type: string;
  starts_at: Date;
  duration_minutes: number;
  status: string;
  delay_minutes: number | null;
  reason: string | null;
  listed_by: string;
  created_at: Date;
  updated_at: Date;
  updated_by: string;
}

/** Persistence of hearings. Writes take the EntityManager of the caller's transaction. */
@Injectable()
export class HearingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, hearing: Hearing): Promise<void> {
    const s = hearing.snapshot;
    await execute(
      manager,
      sql`INSERT INTO hearings (id, case_id, venue_id, venue_name, hearing_type, starts_at, duration_minutes, status,
          delay_minutes, reason, listed_by, created_at, updated_at, updated_by)
        VALUES (${s.id}, ${s.caseId}, ${s.venueId}, ${s.venueName}, ${s.hearingType}, ${s.startsAt}, ${s.durationMinutes},
          ${s.status}, ${s.delayMinutes}, ${s.reason}, ${s.listedBy}, ${s.createdAt}, ${s.updatedAt}, ${s.updatedBy})`,
    );
  }

  async update(manager: EntityManager, hearing: Hearing): Promise<void> {
    const s = hearing.snapshot;
    await execute(
      manager,
      sql`UPDATE hearings SET case_id = ${s.caseId}, venue_id = ${s.venueId}, venue_name = ${s.venueName},
          hearing_type = ${s.hearingType}, starts_at = ${s.startsAt}, duration_minutes = ${s.durationMinutes},
          status = ${s.status}, delay_minutes = ${s.delayMinutes}, reason = ${s.reason}, listed_by = ${s.listedBy},
          created_at = ${s.createdAt}, updated_at = ${s.updatedAt}, updated_by = ${s.updatedBy}
        WHERE id = ${s.id}`,
    );
  }

  async findById(id: string): Promise<Hearing | undefined> {
    const row = await queryOne<HearingRow>(this.dataSource, sql`SELECT * FROM hearings WHERE id = ${id}`);
    return row && toDomain(row);
  }

  /** The row stays locked until the caller's transaction ends, so status changes queue up rather than overwrite. */
  async findForUpdate(manager: EntityManager, id: string): Promise<Hearing | undefined> {
    const row = await queryOne<HearingRow>(manager, sql`SELECT * FROM hearings WHERE id = ${id} FOR UPDATE`);
    return row && toDomain(row);
  }

  /** Soonest first; the id only makes the order stable for hearings listed at the same time. */
  async forCase(caseId: string): Promise<Hearing[]> {
    const rows = await query<HearingRow>(
      this.dataSource,
      sql`SELECT * FROM hearings WHERE case_id = ${caseId} ORDER BY starts_at, id`,
    );
    return rows.map(toDomain);
  }

  /** The hearings starting at a venue on a London calendar day, soonest first. */
  async atVenueOn(venueId: string, date: LocalDate): Promise<Hearing[]> {
    const { from, to } = londonDayBounds(date);
    // Half-open [from, to): BETWEEN would also take a hearing at midnight that starts the next day.
    const rows = await query<HearingRow>(
      this.dataSource,
      sql`SELECT * FROM hearings WHERE venue_id = ${venueId} AND starts_at >= ${from} AND starts_at < ${to}
        ORDER BY starts_at, id`,
    );
    return rows.map(toDomain);
  }
}

function toDomain(r: HearingRow): Hearing {
  // The table's checks cover status but not type; an unknown value is a bug in a writer, not bad input.
  if (!isHearingStatus(r.status) || !isHearingType(r.hearing_type)) {
    throw new Error(`Hearing ${r.id} has unknown status ${r.status} or type ${r.hearing_type}`);
  }
  return Hearing.restore({
    id: r.id,
    caseId: r.case_id,
    venueId: r.venue_id,
    venueName: r.venue_name,
    hearingType: r.hearing_type,
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes,
    status: r.status,
    delayMinutes: r.delay_minutes,
    reason: r.reason,
    listedBy: r.listed_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  });
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, DataSource, EntityManager, LessThan, MoreThanOrEqual } from 'typeorm';
import type { LocalDate } from '@ccsc/calendar';
import { Hearing, isHearingStatus, isHearingType, londonDayBounds } from '../domain/hearing';
import { HearingEntity } from './hearing.entity';

/**
 * Persistence of hearings. Writes take the EntityManager of the caller's transaction, because
 * Nest-injected repositories do not join one by themselves.
 */
@Injectable()
export class HearingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, hearing: Hearing): Promise<void> {
    await manager.insert(HearingEntity, toEntity(hearing));
  }

  async update(manager: EntityManager, hearing: Hearing): Promise<void> {
    const { id, ...changes } = toEntity(hearing);
    await manager.update(HearingEntity, { id }, changes);
  }

  /** With `lock`, the row stays locked until the caller's transaction ends, so status changes queue up rather than overwrite each other. */
  async findById(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Hearing | undefined> {
    const query = manager.createQueryBuilder(HearingEntity, 'h').where('h.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const entity = await query.getOne();
    return entity ? toDomain(entity) : undefined;
  }

  /** Soonest first; the id only makes the order stable for hearings listed at the same time. */
  async forCase(caseId: string): Promise<Hearing[]> {
    const rows = await this.dataSource.manager.find(HearingEntity, { where: { caseId }, order: { startsAt: 'ASC', id: 'ASC' } });
    return rows.map(toDomain);
  }

  /** The hearings starting at a venue on a London calendar day, soonest first. */
  async atVenueOn(venueId: string, date: LocalDate): Promise<Hearing[]> {
    const { from, to } = londonDayBounds(date);
    const rows = await this.dataSource.manager.find(HearingEntity, {
      // Half-open [from, to): Between would also take a hearing at midnight that starts the next day.
      where: { venueId, startsAt: And(MoreThanOrEqual(from), LessThan(to)) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toDomain);
  }
}

function toEntity(hearing: Hearing): HearingEntity {
  const s = hearing.snapshot;
  return {
    id: s.id,
    caseId: s.caseId,
    venueId: s.venueId,
    venueName: s.venueName,
    hearingType: s.hearingType,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    status: s.status,
    delayMinutes: s.delayMinutes,
    reason: s.reason,
    listedBy: s.listedBy,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    updatedBy: s.updatedBy,
  };
}

function toDomain(e: HearingEntity): Hearing {
  // The table's checks cover status but not type; an unknown value is a bug in a writer, not bad input.
  if (!isHearingStatus(e.status) || !isHearingType(e.hearingType)) {
    throw new Error(`Hearing ${e.id} has unknown status ${e.status} or type ${e.hearingType}`);
  }
  return Hearing.restore({ ...e, status: e.status, hearingType: e.hearingType });
}

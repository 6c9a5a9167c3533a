import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, londonInstant, type LocalDate } from '@ccsc/calendar';
import { query, sql } from '@ccsc/platform';
import type { EnquiryFigures } from '../domain/enquiry-figures';
import { RESOLUTION_CLOCK, RESOLVED_AT, RESOLVED_AT_FIRST_CONTACT, SLA_MET } from './enquiry-outcomes.sql';

/** Management information: one grouped query by London day, team, channel and category. */
@Injectable()
export class EnquiryFiguresRepository {
  async byDay(manager: EntityManager, from: LocalDate, to: LocalDate): Promise<EnquiryFigures[]> {
    return query<EnquiryFigures>(
      manager,
      sql`SELECT to_char(e.received_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS day,
                 COALESCE(q.team, 'unallocated') AS team, e.channel, e.category,
                 count(*)::int AS received,
                 count(*) FILTER (WHERE ${RESOLVED_AT} IS NOT NULL)::int AS resolved,
                 count(*) FILTER (WHERE ${RESOLVED_AT_FIRST_CONTACT})::int AS "resolvedAtFirstContact",
                 count(*) FILTER (WHERE ${SLA_MET})::int AS "slaMet",
                 count(*) FILTER (WHERE s.status = 'stopped' AND NOT s.met
                                  OR s.flag = 'breached' AND s.status <> 'stopped')::int AS "slaMissed",
                 round(avg(EXTRACT(EPOCH FROM e.resolved_at - e.received_at) / 60)
                   FILTER (WHERE e.resolved_at IS NOT NULL))::int AS "averageHandlingMinutes"
          FROM enquiries e
          LEFT JOIN work_queues q ON q.id = e.queue_id
          ${RESOLUTION_CLOCK}
          WHERE e.received_at >= ${londonInstant(from)} AND e.received_at < ${londonInstant(addDays(to, 1))}
          GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 NULLS FIRST`,
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, isLocalDate, londonInstant, type LocalDate } from '@ccsc/calendar';
import { BadUserInputError } from '@ccsc/platform';

export interface EnquiryFigures {
  /** The London day the enquiries were received. */
  day: LocalDate;
  team: string;
  channel: string;
  category: string | null;
  received: number;
  resolved: number;
  /** Resolved without waiting for the customer, without escalation and with at most one reply. */
  resolvedAtFirstContact: number;
  /** Resolution clocks stopped in time, of those that have stopped. */
  slaMet: number;
  slaMissed: number;
  /** Mean minutes from receipt to resolution, of those resolved; null when none. */
  averageHandlingMinutes: number | null;
}

export const MAX_REPORT_DAYS = 366;

/** Management information: one grouped query by London day, team, channel and category. */
@Injectable()
export class ManagementInformation {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enquiryFigures(from: LocalDate, to: LocalDate): Promise<EnquiryFigures[]> {
    if (!isLocalDate(from) || !isLocalDate(to) || to < from) {
      throw new BadUserInputError('Invalid period', [{ field: 'to', message: 'from and to must be days as YYYY-MM-DD, from not after to' }]);
    }
    if (addDays(from, MAX_REPORT_DAYS) <= to) throw new BadUserInputError('Invalid period', [{ field: 'to', message: `the period is at most ${MAX_REPORT_DAYS} days` }]);
    const rows = (await this.dataSource.query(
      `SELECT to_char(e.received_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS day, COALESCE(q.team, 'unallocated') AS team, e.channel, e.category,
              count(*)::int AS received,
              count(*) FILTER (WHERE e.resolved_at IS NOT NULL)::int AS resolved,
              count(*) FILTER (WHERE e.resolved_first_contact)::int AS "resolvedAtFirstContact",
              count(*) FILTER (WHERE s.status = 'stopped' AND s.met)::int AS "slaMet",
              count(*) FILTER (WHERE s.status = 'stopped' AND NOT s.met OR s.flag = 'breached' AND s.status <> 'stopped')::int AS "slaMissed",
              round(avg(EXTRACT(EPOCH FROM e.resolved_at - e.received_at) / 60) FILTER (WHERE e.resolved_at IS NOT NULL))::int AS "averageHandlingMinutes"
       FROM enquiries e
       LEFT JOIN work_queues q ON q.id = e.queue_id
       LEFT JOIN enquiry_sla_clocks s ON s.enquiry_id = e.id AND s.clock = 'resolution'
       WHERE e.received_at >= $1 AND e.received_at < $2
       GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 NULLS FIRST`,
      [londonInstant(from), londonInstant(addDays(to, 1))],
    )) as EnquiryFigures[];
    return rows;
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { inMiPeriod, miBucketSql, type MiPeriod } from '@ccsc/management-information';
import { query, sql } from '@ccsc/platform';
import {
  RESOLUTION_CLOCK,
  RESOLVED_AT,
  RESOLVED_AT_FIRST_CONTACT,
  SLA_MET,
} from '../../reporting/infrastructure/enquiry-outcomes.sql';
import type { EnquiryCountsRow } from '../domain/enquiries-figures';

/**
 * The enquiries section's counts, grouped in PostgreSQL per bucket and channel with the enquiry figures'
 * definitions (src/reporting). Receipts and answers are counted each on its own instant in its own
 * branch, so each reads that instant's index (enquiries_received, enquiries_resolved) rather than every
 * enquiry ever received.
 */
@Injectable()
export class EnquiriesFiguresRepository {
  async counts(manager: EntityManager, period: MiPeriod): Promise<EnquiryCountsRow[]> {
    const received = sql`e.received_at`;
    return query<EnquiryCountsRow>(
      manager,
      sql`SELECT bucket, channel, sum(received)::int AS received, sum(answered)::int AS answered,
                 sum(answered_within_sla)::int AS "answeredWithinSla",
                 sum(first_contact_resolved)::int AS "firstContactResolved"
          FROM (SELECT ${miBucketSql(received, period)} AS bucket, e.channel, count(*) AS received, 0 AS answered,
                       0 AS answered_within_sla, 0 AS first_contact_resolved
                FROM enquiries e WHERE ${inMiPeriod(received, period)}
                GROUP BY 1, 2
                UNION ALL
                SELECT ${miBucketSql(RESOLVED_AT, period)}, e.channel, 0, count(*),
                       count(*) FILTER (WHERE ${SLA_MET}), count(*) FILTER (WHERE ${RESOLVED_AT_FIRST_CONTACT})
                FROM enquiries e ${RESOLUTION_CLOCK}
                WHERE ${inMiPeriod(RESOLVED_AT, period)}
                GROUP BY 1, 2) counts
          GROUP BY bucket, channel ORDER BY bucket, channel`,
    );
  }
}

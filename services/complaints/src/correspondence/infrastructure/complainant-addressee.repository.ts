import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryOne, sql } from '@ccsc/platform';
import type { ComplaintFacts } from '../domain/complaint-correspondence-rules';

/** A complaint's complainant as correspondence addresses them, and the stage an event is about. */
export interface ComplainantAddressee extends ComplaintFacts {
  complaintId: string;
  caseIds: string[];
  name: string | null;
  language: 'en' | 'cy';
  email: string | null;
  phone: string | null;
  addressLines: string[] | null;
  postcode: string | null;
}

/** What correspondence reads of a complaint, in the recording (inbox) transaction. */
@Injectable()
export class ComplainantAddresseeRepository {
  /** The complaint with the stage asked for (its first when none is), or undefined when there is no such stage. */
  async addressee(manager: EntityManager, complaintId: string, stage = 1): Promise<ComplainantAddressee | undefined> {
    const row = await queryOne<{
      complaintId: string;
      caseIds: string[];
      reference: string;
      receivedAt: Date;
      name: string | null;
      language: 'en' | 'cy';
      email: string | null;
      phone: string | null;
      addressLines: string[] | null;
      postcode: string | null;
      stage: number;
      dueDate: string;
      responseText: string | null;
      respondedAt: Date | null;
    }>(
      manager,
      sql`SELECT c.id AS "complaintId", c.case_ids AS "caseIds", c.reference, c.received_at AS "receivedAt", c.complainant_name AS name,
            COALESCE(c.complainant_language, c.language) AS language, c.complainant_email AS email, c.complainant_phone AS phone,
            c.complainant_address_lines AS "addressLines", c.complainant_postcode AS postcode,
            s.stage, to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate", s.response_text AS "responseText",
            s.responded_at AS "respondedAt"
          FROM complaints c JOIN complaint_stages s ON s.complaint_id = c.id AND s.stage = ${stage}
          WHERE c.id = ${complaintId}`,
    );
    if (!row) return undefined;
    const { stage: n, dueDate, responseText, respondedAt, ...rest } = row;
    return { ...rest, stage: { stage: Number(n), dueDate, responseText, respondedAt } };
  }
}

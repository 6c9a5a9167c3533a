import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { query, queryOne, sql } from '@ccsc/platform';
import type { DueClock } from '../domain/enquiry-acknowledgement';

/** An enquiry with its contact, as an acknowledgement is addressed from it. */
export interface EnquiryAddresseeRow {
  enquiryId: string;
  reference: string;
  caseId: string | null;
  language: 'en' | 'cy';
  receivedAt: Date;
  contactId: string;
  name: string;
  email: string | null;
  phone: string | null;
  clocks: DueClock[];
}

/** What correspondence reads of an enquiry and its contact, in the recording transaction. */
@Injectable()
export class EnquiryContactsRepository {
  async addressee(manager: EntityManager, enquiryId: string): Promise<EnquiryAddresseeRow | undefined> {
    const row = await queryOne<Omit<EnquiryAddresseeRow, 'clocks'>>(
      manager,
      sql`SELECT e.id AS "enquiryId", e.reference, e.case_id AS "caseId", e.language, e.received_at AS "receivedAt",
          ct.id AS "contactId", ct.name, ct.email, ct.phone
        FROM enquiries e JOIN contacts ct ON ct.id = e.contact_id
        WHERE e.id = ${enquiryId}`,
    );
    if (!row) return undefined;
    const clocks = await query<DueClock>(
      manager,
      sql`SELECT clock, due_at AS "dueAt" FROM enquiry_sla_clocks WHERE enquiry_id = ${enquiryId}`,
    );
    return { ...row, clocks };
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What enquiry search needs: a reference a caller can read out (ENQ-0000123), and an index for every
 * criterion, so that a search of a million enquiries never reads the whole table.
 */
export class EnquirySearch1735300100000 implements MigrationInterface {
  name = 'EnquirySearch1735300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE enquiry_reference_seq`);
    // The database gives each enquiry its reference, so no writer can forget it; adding the column with
    // this (volatile) default gives every existing enquiry its own, in the order the rows are read.
    await q.query(
      `ALTER TABLE enquiries ADD COLUMN reference varchar(16) NOT NULL DEFAULT 'ENQ-' || lpad(nextval('enquiry_reference_seq')::text, 7, '0')`,
    );
    await q.query(`ALTER TABLE enquiries ADD CONSTRAINT enquiries_reference_unique UNIQUE (reference)`);

    // Trigrams let "jon" find "Mrs Jones" through an index (see the cases service's search indexes).
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX contacts_name_trgm ON contacts USING gin (lower(name) gin_trgm_ops)`);
    await q.query(`ALTER INDEX contacts_name_trgm ALTER COLUMN 1 SET STATISTICS 1000`);
    // The forms the search compares: an address in lower case, a number as its digits alone.
    await q.query(`CREATE INDEX contacts_email ON contacts (lower(email)) WHERE email IS NOT NULL`);
    await q.query(
      `CREATE INDEX contacts_phone_digits ON contacts (regexp_replace(phone, '[^0-9]', '', 'g')) WHERE phone IS NOT NULL`,
    );
    // A contact's enquiries newest first, and the newest of a status or a channel: a page without a sort.
    await q.query(`CREATE INDEX enquiries_contact_newest ON enquiries (contact_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX enquiries_status_newest ON enquiries (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX enquiries_channel_newest ON enquiries (channel, created_at DESC, id DESC)`);
    await q.query(`DROP INDEX enquiries_contact`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX enquiries_contact ON enquiries (contact_id)`);
    for (const index of [
      'enquiries_channel_newest',
      'enquiries_status_newest',
      'enquiries_contact_newest',
      'contacts_phone_digits',
      'contacts_email',
      'contacts_name_trgm',
    ])
      await q.query(`DROP INDEX ${index}`);
    await q.query(`ALTER TABLE enquiries DROP COLUMN reference`);
    await q.query(`DROP SEQUENCE enquiry_reference_seq`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The management information counts the enquiries answered in a period by when they were resolved;
 * without this it reads every enquiry ever received, and its metrics do so for the current month at
 * every scrape. Open enquiries have no resolution time, so they are left out of the index.
 */
export class EnquiriesResolved1735400000000 implements MigrationInterface {
  name = 'EnquiriesResolved1735400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX enquiries_resolved ON enquiries (resolved_at) WHERE resolved_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX enquiries_resolved`);
  }
}

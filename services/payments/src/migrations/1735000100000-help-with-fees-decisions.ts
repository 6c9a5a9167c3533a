import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Help with Fees remissions wait for a member of staff other than the applicant (`awaiting-decision`)
 * or may be refused by one (`refused`); a refused or failed application leaves the fee free for a
 * new one, which then needs evidence.
 */
export class HelpWithFeesDecisions1735000100000 implements MigrationInterface {
  name = 'HelpWithFeesDecisions1735000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hwf_applications DROP CONSTRAINT hwf_applications_status_check`);
    await q.query(
      `ALTER TABLE hwf_applications ADD CONSTRAINT hwf_applications_status_check CHECK (status IN ('awaiting-decision', 'awaiting-evidence', 'decided', 'refused', 'evidence-failed'))`,
    );
    await q.query(`DROP INDEX hwf_applications_fee`);
    await q.query(
      `CREATE UNIQUE INDEX hwf_applications_fee ON hwf_applications (fee_id) WHERE status NOT IN ('evidence-failed', 'refused')`,
    );
    await q.query(`DROP INDEX hwf_applications_awaiting`);
    await q.query(
      `CREATE INDEX hwf_applications_awaiting ON hwf_applications (created_at, id) WHERE status IN ('awaiting-decision', 'awaiting-evidence')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX hwf_applications_awaiting`);
    await q.query(
      `CREATE INDEX hwf_applications_awaiting ON hwf_applications (created_at, id) WHERE status = 'awaiting-evidence'`,
    );
    await q.query(`DROP INDEX hwf_applications_fee`);
    await q.query(
      `CREATE UNIQUE INDEX hwf_applications_fee ON hwf_applications (fee_id) WHERE status <> 'evidence-failed'`,
    );
    await q.query(`ALTER TABLE hwf_applications DROP CONSTRAINT hwf_applications_status_check`);
    await q.query(
      `ALTER TABLE hwf_applications ADD CONSTRAINT hwf_applications_status_check CHECK (status IN ('decided', 'awaiting-evidence', 'evidence-failed'))`,
    );
  }
}

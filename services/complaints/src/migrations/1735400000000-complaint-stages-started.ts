import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaint figures and the management information count the stages started in a period (new
 * complaints, escalations); without this they read every stage ever recorded, and the management
 * information's metrics do so for the current month at every scrape. Answers (complaint_stages_responded)
 * and closures (complaints_closed) have theirs already.
 */
export class ComplaintStagesStarted1735400000000 implements MigrationInterface {
  name = 'ComplaintStagesStarted1735400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX complaint_stages_started ON complaint_stages (started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX complaint_stages_started`);
  }
}

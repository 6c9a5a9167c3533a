import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cases a complaint remedy's complaint names (financial-remedy-agreed v2): its approval counts on each, so
 * consolatory payments agreed on several complaints about one case are counted together there (ApprovedMoney).
 * Remedies raised before carry none, and count on their complaint and case as they did.
 */
export class RefundComplaintCases1736300100000 implements MigrationInterface {
  name = 'RefundComplaintCases1736300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refunds ADD COLUMN complaint_case_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(
      `CREATE INDEX refunds_approved_complaint_cases ON refunds USING gin (complaint_case_ids)
        WHERE status IN ('approved', 'paid') AND complaint_case_ids <> '{}'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX refunds_approved_complaint_cases`);
    await q.query(`ALTER TABLE refunds DROP COLUMN complaint_case_ids`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What is approved on a case, a complaint or a fine account is counted, under a lock, on every approval of
 * money (ApprovedMoney): indexes on just the approved rows, so the count reads those and not the whole table.
 * The fine account is read as the number it is, whatever spelling older rows were stored with.
 */
export class ApprovedMoneyIndexes1736000000000 implements MigrationInterface {
  name = 'ApprovedMoneyIndexes1736000000000';

  async up(q: QueryRunner): Promise<void> {
    const approved = `status IN ('approved', 'paid')`;
    await q.query(`CREATE INDEX refunds_approved_case ON refunds (case_id) WHERE ${approved}`);
    await q.query(`CREATE INDEX refunds_approved_complaint ON refunds (complaint_id) WHERE ${approved}`);
    await q.query(
      `CREATE INDEX refunds_approved_fine_account ON refunds ((upper(regexp_replace(fine_account_number, '[\\s-]', '', 'g'))))
        WHERE ${approved} AND fine_account_number IS NOT NULL`,
    );
    await q.query(`CREATE INDEX fee_waivers_approved_case ON fee_waivers (case_id) WHERE status = 'approved'`);
    await q.query(
      `CREATE INDEX fee_waivers_approved_complaint ON fee_waivers (complaint_id) WHERE status = 'approved'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'refunds_approved_case',
      'refunds_approved_complaint',
      'refunds_approved_fine_account',
      'fee_waivers_approved_case',
      'fee_waivers_approved_complaint',
    ])
      await q.query(`DROP INDEX ${index}`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds of money enforcement holds in suspense (`enforcement.suspense-refund-requested.v1`): a
 * refund of a payment that went to a fine account, which has no case. A suspense item is refunded at
 * most once: one refund of it stands at a time, and another may follow only once that one is rejected.
 */
export class SuspenseRefunds1735000400000 implements MigrationInterface {
  name = 'SuspenseRefunds1735000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE refunds
        ADD COLUMN suspense_id uuid,
        ADD COLUMN payment_id uuid REFERENCES payments (id),
        ADD COLUMN fine_account_number varchar(32)`);
    await q.query(`ALTER TABLE refunds DROP CONSTRAINT refunds_case_for_refund`);
    await q.query(`
      ALTER TABLE refunds
        ADD CONSTRAINT refunds_case_for_refund CHECK (kind <> 'refund' OR service_request_id IS NOT NULL OR suspense_id IS NOT NULL),
        ADD CONSTRAINT refunds_suspense CHECK (
          (suspense_id IS NULL AND payment_id IS NULL AND fine_account_number IS NULL)
          OR (suspense_id IS NOT NULL AND payment_id IS NOT NULL AND fine_account_number IS NOT NULL
            AND service_request_id IS NULL AND kind = 'refund'))`);
    await q.query(`CREATE UNIQUE INDEX refunds_one_per_suspense ON refunds (suspense_id) WHERE status <> 'rejected'`);
    await q.query(`CREATE INDEX refunds_payment ON refunds (payment_id) WHERE payment_id IS NOT NULL`);
  }

  // Refuses (the restored check fails) while any refund of suspense exists, rather than losing it.
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX refunds_payment');
    await q.query('DROP INDEX refunds_one_per_suspense');
    await q.query('ALTER TABLE refunds DROP CONSTRAINT refunds_suspense');
    await q.query('ALTER TABLE refunds DROP CONSTRAINT refunds_case_for_refund');
    await q.query(
      `ALTER TABLE refunds ADD CONSTRAINT refunds_case_for_refund CHECK (kind <> 'refund' OR service_request_id IS NOT NULL)`,
    );
    await q.query(
      'ALTER TABLE refunds DROP COLUMN fine_account_number, DROP COLUMN payment_id, DROP COLUMN suspense_id',
    );
  }
}

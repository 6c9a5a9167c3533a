import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The payment an ordinary refund went back to: a refund goes back to one payer, whose money it is, and no
 * payment gives back more than it paid. Refunds approved before went back the way the last verified payment
 * into the case came, as of their last change: that payment is taken as theirs.
 */
export class RefundsPaidBackTo1736100200000 implements MigrationInterface {
  name = 'RefundsPaidBackTo1736100200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refunds ADD COLUMN paid_back_to uuid REFERENCES payments (id)`);
    await q.query(`CREATE INDEX refunds_paid_back_to ON refunds (paid_back_to) WHERE paid_back_to IS NOT NULL`);
    await q.query(
      `UPDATE refunds r SET paid_back_to = (
         SELECT a.payment_id FROM allocations a
          WHERE a.service_request_id = r.service_request_id AND a.status = 'verified' AND a.allocated_at <= r.updated_at
          ORDER BY a.allocated_at DESC LIMIT 1)
        WHERE r.status IN ('approved', 'paid') AND r.kind = 'refund' AND r.reason <> 'complaint-remedy'
          AND r.payment_id IS NULL AND r.service_request_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refunds DROP COLUMN paid_back_to`);
  }
}

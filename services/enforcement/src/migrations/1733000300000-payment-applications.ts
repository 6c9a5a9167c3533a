import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments are applied per allocation, not per payment: one payment may count on one fine account,
 * be transferred away, and then count on another. `application_id` is the allocation that applied it
 * (the payment's own id for a warrant's collection and for rows from before this migration).
 */
export class PaymentApplications1733000300000 implements MigrationInterface {
  name = 'PaymentApplications1733000300000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['fine_payments', 'fine_payment_lines', 'suspense_payments']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN application_id uuid`);
      await q.query(`UPDATE ${table} SET application_id = payment_id`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN application_id SET NOT NULL`);
    }
    await q.query(
      `ALTER TABLE fine_payment_lines DROP CONSTRAINT fine_payment_lines_payment_id_fkey, DROP CONSTRAINT fine_payment_lines_pkey`,
    );
    await q.query(`ALTER TABLE fine_payments DROP CONSTRAINT fine_payments_pkey, ADD PRIMARY KEY (application_id)`);
    await q.query(
      `ALTER TABLE fine_payment_lines ADD PRIMARY KEY (application_id, imposition_id), ADD FOREIGN KEY (application_id) REFERENCES fine_payments (application_id)`,
    );
    await q.query(
      `ALTER TABLE suspense_payments DROP CONSTRAINT suspense_payments_pkey, ADD PRIMARY KEY (application_id)`,
    );
    await q.query(`CREATE INDEX fine_payments_payment ON fine_payments (payment_id)`);
    await q.query(`CREATE INDEX suspense_payments_payment ON suspense_payments (payment_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX suspense_payments_payment`);
    await q.query(`DROP INDEX fine_payments_payment`);
    await q.query(`ALTER TABLE suspense_payments DROP CONSTRAINT suspense_payments_pkey, ADD PRIMARY KEY (payment_id)`);
    await q.query(
      `ALTER TABLE fine_payment_lines DROP CONSTRAINT fine_payment_lines_application_id_fkey, DROP CONSTRAINT fine_payment_lines_pkey`,
    );
    await q.query(`ALTER TABLE fine_payments DROP CONSTRAINT fine_payments_pkey, ADD PRIMARY KEY (payment_id)`);
    await q.query(
      `ALTER TABLE fine_payment_lines ADD PRIMARY KEY (payment_id, imposition_id), ADD FOREIGN KEY (payment_id) REFERENCES fine_payments (payment_id)`,
    );
    for (const table of ['fine_payments', 'fine_payment_lines', 'suspense_payments'])
      await q.query(`ALTER TABLE ${table} DROP COLUMN application_id`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suspense becomes a worklist. Each item gets an id of its own: application_id cannot serve, since it is
 * payments' allocation id (or a payment id) and, once an item is allocated, its own id becomes the key of
 * the application it made. The state says where the money is (held, allocated, refund-requested,
 * refunded), with who moved it and when. Source and method are kept so that allocated money is applied
 * as the payment it was; rows from before this migration take them from the warrant or the application
 * they came with.
 */
export class SuspenseWorkbench1733000500000 implements MigrationInterface {
  name = 'SuspenseWorkbench1733000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE suspense_payments
        ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN source varchar(16) NOT NULL DEFAULT 'payments' CHECK (source IN ('payments', 'warrant')),
        ADD COLUMN method varchar(32),
        ADD COLUMN state varchar(20) NOT NULL DEFAULT 'held'
          CHECK (state IN ('held', 'allocated', 'refund-requested', 'refunded')),
        ADD COLUMN allocated_account_id uuid REFERENCES fine_accounts (id),
        ADD COLUMN allocated_by varchar(255),
        ADD COLUMN allocated_at timestamptz,
        ADD COLUMN refund_requested_by varchar(255),
        ADD COLUMN refund_requested_at timestamptz,
        ADD COLUMN refund_id uuid,
        ADD COLUMN refunded_at timestamptz,
        ADD CONSTRAINT suspense_payments_id_key UNIQUE (id),
        ADD CONSTRAINT suspense_payments_allocated_check
          CHECK (state <> 'allocated' OR (allocated_account_id IS NOT NULL AND allocated_by IS NOT NULL AND allocated_at IS NOT NULL)),
        ADD CONSTRAINT suspense_payments_refund_check
          CHECK (state NOT IN ('refund-requested', 'refunded') OR (refund_requested_by IS NOT NULL AND refund_requested_at IS NOT NULL)),
        ADD CONSTRAINT suspense_payments_refunded_check CHECK (state <> 'refunded' OR (refund_id IS NOT NULL AND refunded_at IS NOT NULL))`);
    // The application writes every id, source and method itself; the defaults were for the rows already here.
    await q.query(`ALTER TABLE suspense_payments ALTER COLUMN id DROP DEFAULT, ALTER COLUMN source DROP DEFAULT`);
    await q.query(`
      UPDATE suspense_payments s SET source = 'warrant', method = 'enforcement-agent'
        FROM warrants w WHERE w.id = s.payment_id`);
    await q.query(`
      UPDATE suspense_payments s SET method = p.method
        FROM fine_payments p WHERE p.application_id = s.application_id AND s.source = 'payments'`);
    // The worklist: oldest first, all of it or one state.
    await q.query(`CREATE INDEX suspense_payments_queue ON suspense_payments (suspended_at, id)`);
    await q.query(`CREATE INDEX suspense_payments_state_queue ON suspense_payments (state, suspended_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX suspense_payments_state_queue`);
    await q.query(`DROP INDEX suspense_payments_queue`);
    await q.query(`
      ALTER TABLE suspense_payments
        DROP CONSTRAINT suspense_payments_refunded_check,
        DROP CONSTRAINT suspense_payments_refund_check,
        DROP CONSTRAINT suspense_payments_allocated_check,
        DROP CONSTRAINT suspense_payments_id_key,
        DROP COLUMN refunded_at,
        DROP COLUMN refund_id,
        DROP COLUMN refund_requested_at,
        DROP COLUMN refund_requested_by,
        DROP COLUMN allocated_at,
        DROP COLUMN allocated_by,
        DROP COLUMN allocated_account_id,
        DROP COLUMN state,
        DROP COLUMN method,
        DROP COLUMN source,
        DROP COLUMN id`);
  }
}

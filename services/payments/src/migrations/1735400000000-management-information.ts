import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the fees section of the management information, read for any period up to three years and for
 * the month to date at every metrics refresh: the fee-income account's entries and the payments
 * received, without reading every other entry of the period off the ledger (allocations, the service
 * requests' and payments' sides, reversals...), and the refunds paid, without scanning every refund ever
 * asked for. Each holds what its sums need, so they are read off the index alone. The predicates are
 * the queries' word for word (FeesFiguresRepository), as the planner matches a partial index by them.
 */
export class ManagementInformation1735400000000 implements MigrationInterface {
  name = 'ManagementInformation1735400000000';

  async up(q: QueryRunner): Promise<void> {
    // Every fee, repricing and remission passes through fee income.
    await q.query(
      `CREATE INDEX ledger_entries_fee_income ON ledger_entries (occurred_at) INCLUDE (kind, amount_pence)
       WHERE account = 'fee-income'`,
    );
    // The takings side of each receipt (its debit): one entry per payment.
    await q.query(
      `CREATE INDEX ledger_entries_receipts ON ledger_entries (occurred_at) INCLUDE (method, amount_pence)
       WHERE kind = 'payment-received' AND amount_pence > 0`,
    );
    // Paid is a refund's last status, so its updated_at is when it was paid out.
    await q.query(
      `CREATE INDEX refunds_paid ON refunds (updated_at) INCLUDE (kind, amount_pence) WHERE status = 'paid'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX refunds_paid');
    await q.query('DROP INDEX ledger_entries_receipts');
    await q.query('DROP INDEX ledger_entries_fee_income');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For finance officers' reading of the ledger: an account's entries in order and its balance at a
 * day's end (the index holds the amounts, so a balance reads the index alone); the movements of a
 * case's payments and refunds; and the payments received or reversed on a day, which the daily
 * reconciliation checks the ledger against.
 */
export class LedgerReading1735000300000 implements MigrationInterface {
  name = 'LedgerReading1735000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ledger_entries_account_history ON ledger_entries (account, occurred_at, id) INCLUDE (amount_pence)`,
    );
    // The new index leads with the account, so it serves every lookup the old one did.
    await q.query(`DROP INDEX ledger_entries_account`);
    await q.query(`CREATE INDEX ledger_entries_payment ON ledger_entries (payment_id) WHERE payment_id IS NOT NULL`);
    await q.query(`CREATE INDEX ledger_entries_refund ON ledger_entries (refund_id) WHERE refund_id IS NOT NULL`);
    await q.query(`CREATE INDEX payments_received ON payments (received_at) WHERE received_at IS NOT NULL`);
    await q.query(`CREATE INDEX payments_reversed ON payments (reversed_at) WHERE reversed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX payments_reversed');
    await q.query('DROP INDEX payments_received');
    await q.query('DROP INDEX ledger_entries_refund');
    await q.query('DROP INDEX ledger_entries_payment');
    await q.query(`CREATE INDEX ledger_entries_account ON ledger_entries (account)`);
    await q.query('DROP INDEX ledger_entries_account_history');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What payment search needs: an index for every criterion, each ending in the keyset order
 * (created_at, id) where it can, so that a search of a million payments never reads the whole table
 * and a page of one reference, account, amount or method is read off an index, however deep the cursor.
 */
export class PaymentSearch1735300100000 implements MigrationInterface {
  name = 'PaymentSearch1735300100000';

  async up(q: QueryRunner): Promise<void> {
    // Trigrams let "smi" find "Smith & Co" through an index (see the cases service's search indexes).
    // pg_trgm ships with PostgreSQL's contrib and is trusted: the database owner may create it.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // The payer's name is the name of the firm's account the money came from; lower() in the index and
    // in the query, the expression must be the same for the planner to use it.
    await q.query(`CREATE INDEX payment_accounts_name_trgm ON payment_accounts USING gin (lower(name) gin_trgm_ops)`);
    // ...and then the matching accounts' payments, newest first.
    await q.query(
      `CREATE INDEX payments_account_created_at_id ON payments (account_id, created_at, id) WHERE account_id IS NOT NULL`,
    );
    // A reference in any case; partial, as card payments and payments by account have none.
    await q.query(
      `CREATE INDEX payments_reference_created_at_id ON payments (lower(reference), created_at, id) WHERE reference IS NOT NULL`,
    );
    // "The cheque for 45.00": amount and method, newest first off the index; or the amount alone.
    await q.query(
      `CREATE INDEX payments_amount_method_created_at_id ON payments (amount_pence, method, created_at, id)`,
    );
    // Every cheque, newest first: six methods, so one is many payments, walked in order rather than sorted.
    await q.query(`CREATE INDEX payments_method_created_at_id ON payments (method, created_at, id)`);
    // The days received: a range of received_at, carrying the keyset columns so the page is sorted from the
    // index alone. It takes the place of payments_received (the ledger's days), which it serves as well.
    await q.query(
      `CREATE INDEX payments_received_at_created_at_id ON payments (received_at, created_at, id) WHERE received_at IS NOT NULL`,
    );
    await q.query(`DROP INDEX payments_received`);
    // Newest first, whatever else: where a criterion matches many payments (a common word of a name, a
    // wide range of days) the planner walks this and stops once the page is full, rather than sorting
    // every match. The staff's payments list, which has no criterion, is read off it too.
    await q.query(`CREATE INDEX payments_created_at_id ON payments (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX payments_received ON payments (received_at) WHERE received_at IS NOT NULL`);
    for (const index of [
      'payments_created_at_id',
      'payments_received_at_created_at_id',
      'payments_method_created_at_id',
      'payments_amount_method_created_at_id',
      'payments_reference_created_at_id',
      'payments_account_created_at_id',
      'payment_accounts_name_trgm',
    ])
      await q.query(`DROP INDEX ${index}`);
    // pg_trgm stays: another index of this database may have come to rely on it since.
  }
}

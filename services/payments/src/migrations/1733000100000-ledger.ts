import { MigrationInterface, QueryRunner } from 'typeorm';

export class Ledger1733000100000 implements MigrationInterface {
  name = 'Ledger1733000100000';

  async up(q: QueryRunner): Promise<void> {
    // Double entry: every movement is a transaction whose entries sum to zero across accounts.
    await q.query(`
      CREATE TABLE ledger_entries (
        id bigserial PRIMARY KEY,
        transaction_id uuid NOT NULL,
        account varchar(80) NOT NULL,
        kind varchar(32) NOT NULL,
        amount_pence bigint NOT NULL CHECK (amount_pence <> 0),
        method varchar(32),
        business_area varchar(32),
        payment_id uuid,
        refund_id uuid,
        recorded_by varchar(255) NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ledger_entries_account ON ledger_entries (account)`);
    // The balance check at commit looks each movement up by its transaction: without this it scans the ledger once per entry.
    await q.query(`CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id)`);
    await q.query(`CREATE INDEX ledger_entries_occurred_at ON ledger_entries (occurred_at)`);
    // Money moved is history: the database itself refuses to edit or delete an entry; a mistake is
    // put right by a new, opposite movement.
    await q.query(`
      CREATE FUNCTION ledger_entries_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger entries are never edited or deleted; record a reversing movement instead';
      END $$`);
    await q.query(
      `CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entries_immutable()`,
    );
    // Checked at commit, when all of a movement's entries are in: an unbalanced movement never lands.
    await q.query(`
      CREATE FUNCTION ledger_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT sum(amount_pence) FROM ledger_entries WHERE transaction_id = NEW.transaction_id) <> 0 THEN
          RAISE EXCEPTION 'ledger transaction % does not balance', NEW.transaction_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_transaction_balanced AFTER INSERT ON ledger_entries
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ledger_entries');
    await q.query('DROP FUNCTION ledger_entries_immutable');
    await q.query('DROP FUNCTION ledger_transaction_balanced');
  }
}

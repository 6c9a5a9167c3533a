import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every decision on a higher credit limit, with the two people: who asked for what and who approved or rejected
 * it, kept as refunds and write-offs keep theirs (the account itself holds only the limit in force).
 */
export class CreditLimitDecisions1736300200000 implements MigrationInterface {
  name = 'CreditLimitDecisions1736300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_limit_decisions (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES payment_accounts (id),
        limit_pence bigint NOT NULL CHECK (limit_pence >= 0),
        asked_by text NOT NULL,
        decided_by text NOT NULL CHECK (decided_by <> asked_by),
        approved boolean NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX credit_limit_decisions_account ON credit_limit_decisions (account_id, decided_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_limit_decisions`);
  }
}

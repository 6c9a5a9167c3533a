import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What had been paid and written off when an account's current terms were set: terms are a fresh start
 * for what was left then (terms/domain/terms-standing.ts). Accounts whose terms were varied before this
 * column existed start from 0, the reading their schedules and notices were given under, until their terms
 * next change: working it out from their history now could find them behind on instalments that nothing
 * they were told asked for, and start enforcement against them.
 */
export class TermsFreshStart1735900000000 implements MigrationInterface {
  name = 'TermsFreshStart1735900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fine_accounts ADD COLUMN credited_before_terms_pence bigint NOT NULL DEFAULT 0`);
    // Under which terms a payment was applied: one taken back that came before the current terms comes off
    // what they started from. Null for payments applied before this column (their time is compared instead).
    await q.query(`ALTER TABLE fine_payments ADD COLUMN terms_version int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fine_payments DROP COLUMN terms_version`);
    await q.query(`ALTER TABLE fine_accounts DROP COLUMN credited_before_terms_pence`);
  }
}

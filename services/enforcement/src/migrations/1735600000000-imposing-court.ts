import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The court that imposed an account's sums, as cases' result names it (the venue of the hearing it was
 * resulted at): a collection order notice tells the defendant which court made the order. Null for a
 * registered fixed penalty, and for accounts opened before results carried it.
 */
export class ImposingCourt1735600000000 implements MigrationInterface {
  name = 'ImposingCourt1735600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fine_accounts ADD COLUMN imposing_court varchar(200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fine_accounts DROP COLUMN imposing_court`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account a fine account was consolidated into (enforcement.fine-accounts-consolidated.v1): a payer
 * quoting the old number is told the one to pay, rather than the money going to suspense for an officer.
 * Consolidations before this column are not known here: their old numbers stay payable, as before.
 */
export class ConsolidatedFineAccountNumbers1735900000000 implements MigrationInterface {
  name = 'ConsolidatedFineAccountNumbers1735900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fine_account_numbers ADD COLUMN consolidated_into uuid`);
    await q.query(`CREATE INDEX fine_account_numbers_account ON fine_account_numbers (account_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX fine_account_numbers_account`);
    await q.query(`ALTER TABLE fine_account_numbers DROP COLUMN consolidated_into`);
  }
}

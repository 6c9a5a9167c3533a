import { MigrationInterface, QueryRunner } from 'typeorm';

export class FineAccountNumbers1735000500000 implements MigrationInterface {
  name = 'FineAccountNumbers1735000500000';

  async up(q: QueryRunner): Promise<void> {
    // The fine account numbers enforcement has issued (enforcement.fine-account-registered.v1): a card payment
    // to a number not here is refused before the payer is sent to the provider.
    await q.query(`
      CREATE TABLE fine_account_numbers (
        account_number varchar(32) PRIMARY KEY,
        account_id uuid NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE fine_account_numbers');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClaimAmount1734200000000 implements MigrationInterface {
  name = 'ClaimAmount1734200000000';

  async up(q: QueryRunner): Promise<void> {
    // What a money claim claims, stated by the claimant when opening it. Integer pence up to MAX_PENCE
    // (£10m) fit an int, which node-postgres reads as a number (a bigint would come back as a string).
    await q.query(
      `ALTER TABLE cases ADD COLUMN claim_amount_pence integer CHECK (claim_amount_pence BETWEEN 1 AND 1000000000)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP COLUMN claim_amount_pence');
  }
}

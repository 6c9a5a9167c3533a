import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claim amount of a money claim, as cases recorded it (`cases.claim-amount-recorded.v1`): the
 * case's ranged fees are priced by it when they fall due, instead of at their minimum.
 */
export class ClaimAmounts1735000200000 implements MigrationInterface {
  name = 'ClaimAmounts1735000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE service_requests ADD COLUMN claim_amount_pence integer CHECK (claim_amount_pence BETWEEN 1 AND 1000000000)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE service_requests DROP COLUMN claim_amount_pence');
  }
}

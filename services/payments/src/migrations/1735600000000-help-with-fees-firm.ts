import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The firm a professional applied for Help with Fees through: the decision letter goes to the party it
 * represents on the case (cases resolves the firm to its client). Null for a citizen's own application.
 */
export class HelpWithFeesFirm1735600000000 implements MigrationInterface {
  name = 'HelpWithFeesFirm1735600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hwf_applications ADD COLUMN applied_for_organisation varchar(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hwf_applications DROP COLUMN applied_for_organisation`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartyNeeds1732730000000 implements MigrationInterface {
  name = 'PartyNeeds1732730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_parties ADD COLUMN preferred_language varchar(2) NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'cy'))`,
    );
    await q.query(`ALTER TABLE case_parties ADD COLUMN reasonable_adjustments text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE case_parties ADD COLUMN vulnerability_flags text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE case_parties DROP COLUMN vulnerability_flags, DROP COLUMN reasonable_adjustments, DROP COLUMN preferred_language',
    );
  }
}

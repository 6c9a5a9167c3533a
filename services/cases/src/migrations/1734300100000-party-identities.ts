import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartyIdentities1734300100000 implements MigrationInterface {
  name = 'PartyIdentities1734300100000';

  async up(q: QueryRunner): Promise<void> {
    // One person or organisation across cases: the parties staff matched share an identity id.
    await q.query(`ALTER TABLE case_parties ADD COLUMN identity_id uuid`);
    await q.query(`CREATE INDEX case_parties_identity ON case_parties (identity_id) WHERE identity_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX case_parties_identity');
    await q.query('ALTER TABLE case_parties DROP COLUMN identity_id');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseResults1732740000000 implements MigrationInterface {
  name = 'CaseResults1732740000000';

  async up(q: QueryRunner): Promise<void> {
    // Court results as recorded; impositions in integer pence. Never updated.
    await q.query(`
      CREATE TABLE case_results (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        defendant_party_id uuid NOT NULL,
        outcome varchar(200) NOT NULL,
        impositions jsonb NOT NULL,
        resulted_by varchar(255) NOT NULL,
        resulted_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX case_results_case ON case_results (case_id, resulted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_results');
  }
}

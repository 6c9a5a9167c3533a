import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCases1732300000000 implements MigrationInterface {
  name = 'CreateCases1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        reference char(16) NOT NULL,
        case_type varchar(64) NOT NULL,
        state varchar(64) NOT NULL,
        created_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX cases_reference ON cases (reference)`);
    // Serves the newest-first keyset pagination of every case list.
    await q.query(`CREATE INDEX cases_created_at_id ON cases (created_at, id)`);
    await q.query(`
      CREATE TABLE case_parties (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        position int NOT NULL,
        role varchar(32) NOT NULL,
        kind varchar(16) NOT NULL,
        name varchar(200) NOT NULL,
        email varchar(254),
        phone varchar(32),
        user_id varchar(255),
        represented_by varchar(64)
      )`);
    await q.query(`CREATE INDEX case_parties_case_id ON case_parties (case_id)`);
    // Organisation and citizen access are checked through these on every list.
    await q.query(`CREATE INDEX case_parties_user_id ON case_parties (user_id)`);
    await q.query(`CREATE INDEX case_parties_represented_by ON case_parties (represented_by)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_parties`);
    await q.query(`DROP TABLE cases`);
  }
}

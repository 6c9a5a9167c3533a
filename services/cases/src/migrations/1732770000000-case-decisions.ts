import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseDecisions1732770000000 implements MigrationInterface {
  name = 'CaseDecisions1732770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_decisions (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        outcome varchar(200) NOT NULL,
        legal_basis varchar(500) NOT NULL,
        reasons text NOT NULL,
        evidence_references text[] NOT NULL,
        decided_by varchar(255) NOT NULL,
        decided_at timestamptz NOT NULL,
        -- A correction supersedes exactly one decision, and a decision is superseded at most once.
        supersedes uuid UNIQUE REFERENCES case_decisions (id)
      )`);
    await q.query(`CREATE INDEX case_decisions_case ON case_decisions (case_id, decided_at)`);
    // Decisions must survive judicial review as made: the database itself refuses to edit or delete one.
    await q.query(`
      CREATE FUNCTION case_decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case decisions are never edited or deleted; record a superseding decision instead';
      END $$`);
    await q.query(
      `CREATE TRIGGER case_decisions_immutable BEFORE UPDATE OR DELETE ON case_decisions FOR EACH ROW EXECUTE FUNCTION case_decisions_immutable()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_decisions');
    await q.query('DROP FUNCTION case_decisions_immutable');
  }
}

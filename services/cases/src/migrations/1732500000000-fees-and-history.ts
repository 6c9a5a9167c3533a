import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeesAndHistory1732500000000 implements MigrationInterface {
  name = 'FeesAndHistory1732500000000';

  async up(q: QueryRunner): Promise<void> {
    // Fees an event made due on a case; payments reports them paid or remitted through events.
    await q.query(`
      CREATE TABLE case_fees (
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        code varchar(16) NOT NULL,
        event varchar(64) NOT NULL,
        status varchar(16) NOT NULL,
        PRIMARY KEY (case_id, code, event)
      )`);
    // Every transition with who made it, when and why; never updated.
    await q.query(`
      CREATE TABLE case_history (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        event varchar(64) NOT NULL,
        from_state varchar(64) NOT NULL,
        to_state varchar(64) NOT NULL,
        actor varchar(255) NOT NULL,
        actor_roles varchar(255) NOT NULL,
        reason varchar(1000),
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX case_history_case ON case_history (case_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_history');
    await q.query('DROP TABLE case_fees');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class StateDeadlines1734300000000 implements MigrationInterface {
  name = 'StateDeadlines1734300000000';

  async up(q: QueryRunner): Promise<void> {
    // A state's deadline runs from the day the case entered it: the last transition into its state, or its
    // creation for a case still in its initial state.
    await q.query(`ALTER TABLE cases ADD COLUMN state_entered_at timestamptz`);
    await q.query(`
      UPDATE cases c SET state_entered_at = COALESCE(
        (SELECT max(h.at) FROM case_history h WHERE h.case_id = c.id AND h.to_state = c.state), c.created_at)`);
    // The service always writes it; a row inserted by hand (a seed, a benchmark) entered its state as it was inserted.
    await q.query(
      `ALTER TABLE cases ALTER COLUMN state_entered_at SET DEFAULT now(), ALTER COLUMN state_entered_at SET NOT NULL`,
    );
    // The deadline run's set: the cases of one type in one state that entered it before a day.
    await q.query(`CREATE INDEX cases_state_entered ON cases (case_type, state, state_entered_at)`);
    await q.query(`
      CREATE TABLE case_deadline_runs (
        id uuid PRIMARY KEY,
        run_on date NOT NULL,
        calendar_version varchar(200) NOT NULL,
        triggered integer NOT NULL,
        run_by varchar(200) NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_deadline_runs');
    await q.query('DROP INDEX cases_state_entered');
    await q.query('ALTER TABLE cases DROP COLUMN state_entered_at');
  }
}

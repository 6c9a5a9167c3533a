import { MigrationInterface, QueryRunner } from 'typeorm';

export class StateUntil1734300300000 implements MigrationInterface {
  name = 'StateUntil1734300300000';

  async up(q: QueryRunner): Promise<void> {
    // The day a state's time ends where the event entering it gave one (a stay until a date); null otherwise.
    await q.query(`ALTER TABLE cases ADD COLUMN state_until date`);
    // The deadline run's set for such a state: the cases whose day has passed, few among all in the state.
    await q.query(
      `CREATE INDEX cases_state_until ON cases (case_type, state, state_until) WHERE state_until IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_state_until`);
    await q.query(`ALTER TABLE cases DROP COLUMN state_until`);
  }
}

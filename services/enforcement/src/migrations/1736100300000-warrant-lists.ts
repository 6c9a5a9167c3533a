import { MigrationInterface, QueryRunner } from 'typeorm';

/** The warrant lists, newest issued first: an agency's own (by `agent`), and everyone's for staff. */
export class WarrantLists1736100300000 implements MigrationInterface {
  name = 'WarrantLists1736100300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX warrants_agent_issued ON warrants (agent, issued_on DESC, id DESC)`);
    await q.query(`CREATE INDEX warrants_issued ON warrants (issued_on DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX warrants_issued`);
    await q.query(`DROP INDEX warrants_agent_issued`);
  }
}

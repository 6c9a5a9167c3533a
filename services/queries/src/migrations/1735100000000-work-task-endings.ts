import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work that ended before its task was made: an event that completes or cancels a piece of work can be
 * applied before the event that creates its task (a dead letter replayed late, say). The ending is kept,
 * so the late creation makes no task; and a task made after an ending is not closed by it. A task's
 * history keeps reasons as long as the commands accept (1,000 characters).
 */
export class WorkTaskEndings1735100000000 implements MigrationInterface {
  name = 'WorkTaskEndings1735100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_task_endings (
        task_type varchar(64) NOT NULL,
        source_key varchar(200) NOT NULL,
        ended_at timestamptz NOT NULL,
        PRIMARY KEY (task_type, source_key)
      )`);
    await q.query(`ALTER TABLE work_task_history ALTER COLUMN reason TYPE varchar(1000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_task_history ALTER COLUMN reason TYPE varchar(500) USING left(reason, 500)`);
    await q.query(`DROP TABLE work_task_endings`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox.applied_at_source`: the publishing service's own handlers applied the event in the transaction
 * that wrote it, so its own consumer need not. One migration for every service's outbox (each runs it
 * in its own database, after the migration that created its messaging tables); the column defaults to
 * false, which is what a set-based insert of outbox rows, or a row written before, means.
 */
export class OutboxAppliedAtSource1735700000000 implements MigrationInterface {
  name = 'OutboxAppliedAtSource1735700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN applied_at_source boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN applied_at_source`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@ccsc/messaging';

export class EventsAndTimeline1732400000000 implements MigrationInterface {
  name = 'EventsAndTimeline1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q);
    // One history per case, fed by events from any service; keyed by event id, so it is idempotent too.
    await q.query(`
      CREATE TABLE case_timeline (
        event_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        type varchar(200) NOT NULL,
        source varchar(64) NOT NULL,
        summary varchar(500) NOT NULL,
        actor varchar(255),
        occurred_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX case_timeline_case ON case_timeline (case_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_timeline');
    await dropMessagingTables(q);
  }
}

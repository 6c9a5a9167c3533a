import type { QueryRunner } from 'typeorm';

/**
 * The outbox and inbox of a service, created by one of the service's own migrations so that every
 * service has exactly the same tables.
 *
 * outbox.position orders rows by insertion; the relay reads every unpublished row in that order,
 * never "after the last position seen", so a row whose transaction commits late is still sent.
 * inbox.event_id is the primary key that makes a redelivered event a no-op.
 */
export async function createMessagingTables(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE outbox (
      id uuid PRIMARY KEY,
      position bigserial NOT NULL,
      topic varchar(200) NOT NULL,
      message_key varchar(200) NOT NULL,
      type varchar(200) NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
  await q.query(`CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL`);
  await q.query(`
    CREATE TABLE inbox (
      event_id uuid PRIMARY KEY,
      type varchar(200) NOT NULL,
      status varchar(20) NOT NULL,
      error text,
      received_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  await q.query(`CREATE INDEX inbox_dead_lettered ON inbox (updated_at) WHERE status = 'dead-lettered'`);
}

export async function dropMessagingTables(q: QueryRunner): Promise<void> {
  await q.query('DROP TABLE inbox');
  await q.query('DROP TABLE outbox');
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Correspondence1735500100000 implements MigrationInterface {
  name = 'Correspondence1735500100000';

  async up(q: QueryRunner): Promise<void> {
    // Every letter, email or text to a case party, as rendered when it was asked for. A pending row is the
    // outbox of sending: the dispatcher claims it (FOR UPDATE SKIP LOCKED), sends it and marks it in one
    // transaction. `request_id` is unique so that the same request, however often it arrives, is one item.
    // `sections` holds the rendered text per language, and `recipient` the name and address as they were
    // when the item was recorded, so the letter can be printed again to the same bytes.
    await q.query(`
      CREATE TABLE correspondence_items (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL UNIQUE,
        case_id uuid NOT NULL,
        party_id uuid NOT NULL,
        template_id varchar(80) NOT NULL,
        template_version integer NOT NULL CHECK (template_version > 0),
        language varchar(9) NOT NULL CHECK (language IN ('en', 'cy', 'bilingual')),
        channel varchar(6) CHECK (channel IN ('letter', 'email', 'sms')),
        subject text NOT NULL,
        body text NOT NULL,
        sections jsonb NOT NULL,
        recipient jsonb NOT NULL,
        reference varchar(64) NOT NULL,
        about varchar(64),
        source varchar(32) NOT NULL,
        status varchar(13) NOT NULL
          CHECK (status IN ('pending', 'sent', 'delivered', 'failed', 'undeliverable')),
        provider_status varchar(32),
        provider_id varchar(100),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        delivered_at timestamptz,
        last_error varchar(300),
        CHECK ((status = 'undeliverable') = (channel IS NULL)),
        CHECK (status <> 'pending' OR next_attempt_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX correspondence_items_case ON correspondence_items (case_id, created_at, id)`);
    await q.query(
      `CREATE INDEX correspondence_items_due ON correspondence_items (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX correspondence_items_provider ON correspondence_items (provider_id) WHERE provider_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE correspondence_items');
  }
}

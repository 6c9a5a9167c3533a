import type { QueryRunner } from 'typeorm';

/**
 * A service's correspondence_items, created by one of the service's own migrations so that every service
 * that writes to the public has exactly the same table (as libs/audit does for the audit trail).
 *
 * Every letter, email or text, as rendered when it was asked for. A pending row is the outbox of sending:
 * the dispatcher claims it (FOR UPDATE SKIP LOCKED) and commits it as `sending` with `attempt_started_at`
 * before calling the provider, outside any transaction, then records the outcome in a second one. A row
 * left `sending` (a crash, a timeout, an answer it could not read) is due again at `next_attempt_at`, and
 * is then looked up at the provider by reference before it is ever sent again.
 * `request_id` is unique so that the same request, however often it arrives, is one item. `record_id` is
 * what the item is about in the service (a case, an enquiry) and `recipient_id` whom it went to (a case
 * party, an enquiry's contact), which is what the service's access rule reads. `sections` holds the
 * rendered text per language, and `recipient` the name and address as they were when the item was
 * recorded, so the letter can be printed again to the same bytes.
 */
export async function createCorrespondenceItemsTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE correspondence_items (
      id uuid PRIMARY KEY,
      request_id uuid NOT NULL UNIQUE,
      record_id uuid NOT NULL,
      recipient_id uuid NOT NULL,
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
        CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'undeliverable')),
      provider_status varchar(32),
      provider_id varchar(100),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      attempt_started_at timestamptz,
      created_at timestamptz NOT NULL,
      sent_at timestamptz,
      delivered_at timestamptz,
      last_error varchar(300),
      CHECK ((status = 'undeliverable') = (channel IS NULL)),
      CHECK (status NOT IN ('pending', 'sending') OR next_attempt_at IS NOT NULL),
      CHECK (status <> 'sending' OR attempt_started_at IS NOT NULL)
    )`);
  await q.query(`CREATE INDEX correspondence_items_record ON correspondence_items (record_id, created_at, id)`);
  await q.query(
    `CREATE INDEX correspondence_items_due ON correspondence_items (next_attempt_at) WHERE status IN ('pending', 'sending')`,
  );
  await q.query(
    `CREATE INDEX correspondence_items_provider ON correspondence_items (provider_id) WHERE provider_id IS NOT NULL`,
  );
}

export async function dropCorrespondenceItemsTable(q: QueryRunner): Promise<void> {
  await q.query('DROP TABLE correspondence_items');
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerWebhooks1735500000000 implements MigrationInterface {
  name = 'PartnerWebhooks1735500000000';

  async up(q: QueryRunner): Promise<void> {
    // A firm's endpoints. The secrets are kept as given because signing needs them (an HMAC key, not a
    // password); they are returned only when made. `busy_until` is the dispatcher's claim on the
    // endpoint: one delivery in flight per endpoint, across replicas, released when the attempt ends
    // or, after a crash, when it runs out.
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        organisation_id varchar(64) NOT NULL,
        url varchar(2000) NOT NULL,
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        enabled boolean NOT NULL DEFAULT true,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_until timestamptz,
        busy_until timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX webhook_endpoints_organisation ON webhook_endpoints (organisation_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX webhook_endpoints_event_types ON webhook_endpoints USING gin (event_types)`);

    // One row per event, type and endpoint; its id is the `webhook-id` of every attempt, and the body is
    // stored as sent so every attempt signs the same bytes.
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type varchar(64) NOT NULL,
        case_id uuid NOT NULL,
        payload text NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('pending', 'delivered', 'parked', 'withheld')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        window_started_at timestamptz NOT NULL,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        UNIQUE (endpoint_id, event_id, event_type),
        CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (endpoint_id, next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`,
    );

    // The attempt log: what happened, never what was sent with it (no secret, no signature, no body).
    await q.query(`
      CREATE TABLE webhook_delivery_attempts (
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempt int NOT NULL CHECK (attempt > 0),
        attempted_at timestamptz NOT NULL,
        duration_ms int NOT NULL CHECK (duration_ms >= 0),
        status_code smallint,
        error varchar(200),
        PRIMARY KEY (delivery_id, attempt),
        CHECK (status_code IS NOT NULL OR error IS NOT NULL)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_delivery_attempts');
    await q.query('DROP TABLE webhook_deliveries');
    await q.query('DROP TABLE webhook_endpoints');
  }
}

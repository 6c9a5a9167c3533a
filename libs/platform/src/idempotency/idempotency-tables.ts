import type { QueryRunner } from 'typeorm';

export const IDEMPOTENCY_TABLE = 'idempotency_keys';

/**
 * The table behind partner `Idempotency-Key` support, created by one of a service's own migrations
 * (like the outbox and inbox) so that every service has exactly the same one.
 *
 * The primary key is (principal_sub, idempotency_key): keys are chosen by callers, so two callers
 * picking the same key must never see each other's responses. claim_id tells the request that
 * holds a row apart from one that later took the row over after its lease ran out, so a late
 * finisher cannot overwrite someone else's claim. The response columns stay empty while a request
 * is in progress; response_headers holds only what is worth replaying (Location, Content-Type).
 */
export async function createIdempotencyTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE ${IDEMPOTENCY_TABLE} (
      principal_sub text NOT NULL,
      idempotency_key varchar(255) NOT NULL,
      method varchar(10) NOT NULL,
      path text NOT NULL,
      request_hash char(64) NOT NULL,
      status varchar(20) NOT NULL CHECK (status IN ('in-progress', 'completed')),
      claim_id uuid NOT NULL,
      response_status smallint,
      response_headers jsonb,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours',
      PRIMARY KEY (principal_sub, idempotency_key),
      CHECK (status = 'in-progress' OR response_status IS NOT NULL)
    )`);
  await q.query(`CREATE INDEX idempotency_keys_expiry ON ${IDEMPOTENCY_TABLE} (expires_at)`);
}

export async function dropIdempotencyTable(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE ${IDEMPOTENCY_TABLE}`);
}

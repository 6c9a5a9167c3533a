import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { IDEMPOTENCY_TABLE } from './idempotency-tables';

/** What identifies a keyed request: whose key it is, the key, and what the request was. */
export interface KeyedRequest {
  subject: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

/** A response as it is replayed: only headers worth replaying are kept. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: unknown;
}

export type IdempotencyRecord = Pick<KeyedRequest, 'method' | 'path' | 'requestHash'> &
  ({ state: 'in-progress' } | { state: 'completed'; response: StoredResponse });

interface RecordRow {
  method: string;
  path: string;
  request_hash: string;
  status: 'in-progress' | 'completed';
  response_status: number | null;
  response_headers: Record<string, string | string[]> | null;
  response_body: unknown;
}

/**
 * The idempotency_keys table, one short statement at a time on the service's DataSource. It never
 * joins the handler's transaction: the claim has to be visible to a concurrent request at once,
 * and a handler that rolls back must not take the claim's removal with it.
 */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the key for this request, atomically: inserts an in-progress row, or takes over a row
   * whose time is up. Two concurrent first requests race on the primary key and exactly one wins.
   * Returns the claim's id, or undefined when a live row holds the key.
   */
  async claim(request: KeyedRequest, leaseSeconds: number): Promise<string | undefined> {
    const claimId = randomUUID();
    const rows = (await this.dataSource.query(
      `INSERT INTO ${IDEMPOTENCY_TABLE} AS k (principal_sub, idempotency_key, method, path, request_hash, status, claim_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'in-progress', $6, now() + make_interval(secs => $7))
       ON CONFLICT (principal_sub, idempotency_key) DO UPDATE SET
         method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash, status = 'in-progress',
         claim_id = EXCLUDED.claim_id, response_status = NULL, response_headers = NULL, response_body = NULL,
         created_at = now(), expires_at = EXCLUDED.expires_at
       WHERE k.expires_at <= now()
       RETURNING claim_id`,
      [request.subject, request.key, request.method, request.path, request.requestHash, claimId, leaseSeconds],
    )) as { claim_id: string }[];
    return rows.length > 0 ? claimId : undefined;
  }

  /** The live (unexpired) row of a key, if any. */
  async find(subject: string, key: string): Promise<IdempotencyRecord | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT method, path, request_hash, status, response_status, response_headers, response_body
       FROM ${IDEMPOTENCY_TABLE} WHERE principal_sub = $1 AND idempotency_key = $2 AND expires_at > now()`,
      [subject, key],
    )) as RecordRow[];
    if (!row) return undefined;
    const request = { method: row.method, path: row.path, requestHash: row.request_hash };
    if (row.status === 'in-progress' || row.response_status === null) return { ...request, state: 'in-progress' };
    return {
      ...request,
      state: 'completed',
      response: {
        status: row.response_status,
        headers: row.response_headers ?? {},
        body: row.response_body ?? undefined,
      },
    };
  }

  /** Stores the response of the claim and keeps it for the retention period from now. */
  async complete(
    subject: string,
    key: string,
    claimId: string,
    response: StoredResponse,
    retentionSeconds: number,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${IDEMPOTENCY_TABLE}
       SET status = 'completed', response_status = $4, response_headers = $5::jsonb, response_body = $6::jsonb,
           expires_at = now() + make_interval(secs => $7)
       WHERE principal_sub = $1 AND idempotency_key = $2 AND claim_id = $3`,
      [
        subject,
        key,
        claimId,
        response.status,
        JSON.stringify(response.headers),
        jsonOrNull(response.body),
        retentionSeconds,
      ],
    );
  }

  /** Gives the key back, so that a corrected retry with the same key can run. */
  async release(subject: string, key: string, claimId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM ${IDEMPOTENCY_TABLE} WHERE principal_sub = $1 AND idempotency_key = $2 AND claim_id = $3 AND status = 'in-progress'`,
      [subject, key, claimId],
    );
  }
}

/**
 * Deletes every expired key and returns how many went. Lookups already ignore expired rows, so
 * this only keeps the table small; a service may run it on any schedule.
 */
export async function purgeExpiredIdempotencyKeys(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query(
    `WITH purged AS (DELETE FROM ${IDEMPOTENCY_TABLE} WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS purged FROM purged`,
  )) as { purged: number }[];
  return row?.purged ?? 0;
}

// A handler that returns nothing answers with an empty body: stored as SQL NULL, not JSON null.
function jsonOrNull(body: unknown): string | null {
  return body === undefined || body === null ? null : JSON.stringify(body);
}

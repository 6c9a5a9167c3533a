import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CursorPosition, execute, joinSql, Page, query, queryOne, sql, toPage } from '@ccsc/platform';
import type { WebhookEventType } from '../domain/webhook-event-types';
import type { EndpointSecrets } from '../domain/webhook-secret';
import { WebhookSecretBox } from './webhook-secret-box';
import type { DeliveryAttempt, DeliveryStatus, WebhookDelivery } from '../domain/webhook-delivery';

export type { DeliveryAttempt, DeliveryStatus, WebhookDelivery } from '../domain/webhook-delivery';

export interface NewDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: WebhookEventType;
  caseId: string;
  payload: string;
  createdAt: Date;
}

/** A delivery the dispatcher holds (its endpoint claimed), with what sending it needs. */
export interface ClaimedDelivery extends EndpointSecrets {
  id: string;
  endpointId: string;
  /** Names this claim on the endpoint: only it may record, withhold or release (fencing). */
  claimId: string;
  url: string;
  payload: string;
  /** Attempts made before this claim: the attempt this claim makes is the next one. */
  attempts: number;
  windowStartedAt: Date;
  /** The endpoint's firm still represents a party on the case: the delivery may go. */
  visible: boolean;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_type: string;
  case_id: string;
  payload: string;
  status: DeliveryStatus;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: Date;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
}

/**
 * The case access rule for a firm, as SQL on a delivery aliased `d`: the firm represents a party
 * on the delivery's case now. A firm reads (and replays) only the deliveries this admits, as it reads
 * the case itself: once its representation ends, a delivery's payload (hearing times, venues) and even
 * that there was one are no more its business than the case is, so such a delivery is "not found".
 */
const representsCaseOf = (organisationId: string) =>
  sql`EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = d.case_id AND p.represented_by = ${organisationId})`;

/** Persistence of deliveries and their attempt log; every read for a firm names its organisation. */
@Injectable()
export class WebhookDeliveryRepository {
  private readonly logger = new Logger('WebhookDeliveries');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecretBox,
  ) {}

  /** The case's reference and the firms representing its parties, read in the caller's transaction. */
  async caseAudience(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ reference: string; parties: { userId?: string; organisationId?: string }[] } | undefined> {
    const rows = await query<{ reference: string; user_id: string | null; represented_by: string | null }>(
      manager,
      sql`SELECT c.reference, p.user_id, p.represented_by FROM cases c
        LEFT JOIN case_parties p ON p.case_id = c.id WHERE c.id = ${caseId}`,
    );
    if (rows.length === 0) return undefined;
    return {
      reference: rows[0].reference,
      parties: rows
        .filter((r) => r.user_id !== null || r.represented_by !== null)
        .map((r) => ({
          ...(r.user_id ? { userId: r.user_id } : {}),
          ...(r.represented_by ? { organisationId: r.represented_by } : {}),
        })),
    };
  }

  /** Adds deliveries in the caller's (the inbox's) transaction; one already there for the event is kept. */
  async insert(manager: EntityManager, deliveries: readonly NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const rows = deliveries.map(
      (d) =>
        sql`(${d.id}::uuid, ${d.endpointId}::uuid, ${d.eventId}::uuid, ${d.eventType}, ${d.caseId}::uuid, ${d.payload}, 'pending', ${d.createdAt}::timestamptz, ${d.createdAt}::timestamptz, ${d.createdAt}::timestamptz)`,
    );
    await execute(
      manager,
      sql`INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, case_id, payload, status, next_attempt_at,
          window_started_at, created_at)
        VALUES ${joinSql(rows)} ON CONFLICT (endpoint_id, event_id, event_type) DO NOTHING`,
    );
  }

  /**
   * Claims up to `limit` endpoints that have a delivery due and none in flight, and takes the oldest
   * due delivery of each. SKIP LOCKED lets replicas claim side by side without waiting on or taking
   * each other's endpoints; `busy_until` keeps the claim after this transaction, for the attempt,
   * and lets another replica take over once it has run out (a crash mid-attempt). `claim_id` names
   * this claim, so only it can record, withhold or release (see `recordAttempt`).
   *
   * Fair shares: endpoints are taken least recently claimed first (not by id, which let a slow
   * low-id endpoint win every run), round-robin across firms, and no firm has more than `perFirm`
   * endpoints in flight across replicas, so one firm's many or slow endpoints cannot starve the rest.
   */
  async claimDue(limit: number, perFirm: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.dataSource.transaction(async (manager) => {
      // More candidates than slots, so the round-robin below has other firms to pick from.
      const candidates = await query<{ id: string; organisation_id: string; busy: number }>(
        manager,
        sql`WITH busy AS (
            SELECT organisation_id, count(*)::int AS n FROM webhook_endpoints WHERE busy_until >= now()
            GROUP BY organisation_id)
          SELECT e.id, e.organisation_id, COALESCE(b.n, 0) AS busy
          FROM webhook_endpoints e LEFT JOIN busy b ON b.organisation_id = e.organisation_id
          WHERE e.enabled AND (e.busy_until IS NULL OR e.busy_until < now()) AND COALESCE(b.n, 0) < ${perFirm}
            AND EXISTS (SELECT 1 FROM webhook_deliveries d
              WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= now())
          ORDER BY e.last_claimed_at NULLS FIRST, e.id
          LIMIT ${Math.min(limit * Math.max(perFirm, 2), 1000)}
          FOR UPDATE OF e SKIP LOCKED`,
      );
      const ids = fairShare(candidates, limit, perFirm);
      if (ids.length === 0) return [];
      const claimId = randomUUID();
      await execute(
        manager,
        sql`UPDATE webhook_endpoints SET busy_until = now() + ${leaseMs} * interval '1 millisecond',
            claim_id = ${claimId}, last_claimed_at = clock_timestamp()
          WHERE id = ANY(${ids}::uuid[])`,
      );
      const rows = await query<{
        id: string;
        endpoint_id: string;
        url: string;
        payload: string;
        attempts: number;
        window_started_at: Date;
        secret: string;
        previous_secret: string | null;
        previous_secret_until: Date | null;
        visible: boolean;
      }>(
        manager,
        sql`SELECT DISTINCT ON (d.endpoint_id) d.id, d.endpoint_id, e.url, d.payload, d.attempts, d.window_started_at,
            e.secret, e.previous_secret, e.previous_secret_until,
            EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = d.case_id AND p.represented_by = e.organisation_id) AS visible
          FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
          WHERE d.endpoint_id = ANY(${ids}::uuid[]) AND d.status = 'pending' AND d.next_attempt_at <= now()
          ORDER BY d.endpoint_id, d.next_attempt_at, d.created_at`,
      );
      const now = Date.now();
      return rows.flatMap((r) => {
        let secrets: Pick<ClaimedDelivery, 'secret' | 'previousSecret' | 'previousSecretUntil'>;
        try {
          // The previous secret only while its overlap runs: after that it signs nothing.
          const overlapping = r.previous_secret !== null && (r.previous_secret_until?.getTime() ?? 0) > now;
          secrets = {
            secret: this.secrets.open(r.secret),
            previousSecret: overlapping ? this.secrets.open(r.previous_secret as string) : null,
            previousSecretUntil: overlapping ? r.previous_secret_until : null,
          };
        } catch {
          // Sealed under another key, or altered: this endpoint waits out its lease and is tried again
          // (an operator restores the key, or the firm rotates); every other endpoint is delivered to.
          this.logger.error(
            { endpointId: r.endpoint_id },
            'webhook signing secret cannot be opened with WEBHOOK_SECRETS_KEY: delivery held',
          );
          return [];
        }
        return [
          {
            id: r.id,
            endpointId: r.endpoint_id,
            claimId,
            url: r.url,
            payload: r.payload,
            attempts: r.attempts,
            windowStartedAt: r.window_started_at,
            ...secrets,
            visible: r.visible,
          },
        ];
      });
    });
  }

  /**
   * Logs an attempt and moves the delivery on: delivered, due again at `nextAttemptAt`, or parked
   * (neither); then frees its endpoint for the next delivery. Only while the claim is still this
   * one's, and only from the state it was claimed in (pending, after `attempts` attempts): a replica
   * that overran its lease, or a delivery deleted or replayed meanwhile, records nothing. True when
   * it was recorded.
   */
  async recordAttempt(
    claimed: ClaimedDelivery,
    attempt: Omit<DeliveryAttempt, 'attempt'>,
    outcome: { delivered: true } | { delivered: false; nextAttemptAt: Date | undefined },
  ): Promise<boolean> {
    const number = claimed.attempts + 1;
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.holdsClaim(manager, claimed))) return false;
      const status: DeliveryStatus = outcome.delivered ? 'delivered' : outcome.nextAttemptAt ? 'pending' : 'parked';
      const next = outcome.delivered ? null : (outcome.nextAttemptAt ?? null);
      const updated = await execute(
        manager,
        sql`UPDATE webhook_deliveries SET attempts = ${number}, status = ${status}, next_attempt_at = ${next}::timestamptz,
            delivered_at = ${outcome.delivered ? attempt.attemptedAt : null}::timestamptz
          WHERE id = ${claimed.id} AND status = 'pending' AND attempts = ${claimed.attempts}`,
      );
      if (updated === 1) {
        await execute(
          manager,
          sql`INSERT INTO webhook_delivery_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, error)
            VALUES (${claimed.id}, ${number}, ${attempt.attemptedAt}, ${attempt.durationMs}, ${attempt.statusCode}, ${attempt.error})`,
        );
      }
      await this.release(manager, claimed);
      return updated === 1;
    });
  }

  /** The firm no longer represents a party on the case: the delivery is not sent, now or later. */
  async withhold(claimed: ClaimedDelivery): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.holdsClaim(manager, claimed))) return false;
      const updated = await execute(
        manager,
        sql`UPDATE webhook_deliveries SET status = 'withheld', next_attempt_at = NULL
          WHERE id = ${claimed.id} AND status = 'pending' AND attempts = ${claimed.attempts}`,
      );
      await this.release(manager, claimed);
      return updated === 1;
    });
  }

  /** Frees the endpoint after an attempt that could not be recorded, if the claim is still this one's. */
  async releaseEndpoint(claimed: Pick<ClaimedDelivery, 'endpointId' | 'claimId'>): Promise<void> {
    await this.release(this.dataSource.manager, claimed);
  }

  /** Locks the endpoint's row while the claim is still `claimed`'s, so no new claim can slip in before the commit. */
  private async holdsClaim(manager: EntityManager, claimed: ClaimedDelivery): Promise<boolean> {
    const row = await queryOne<{ id: string }>(
      manager,
      sql`SELECT id FROM webhook_endpoints WHERE id = ${claimed.endpointId} AND claim_id = ${claimed.claimId} FOR UPDATE`,
    );
    return row !== undefined;
  }

  private async release(
    manager: EntityManager,
    claimed: Pick<ClaimedDelivery, 'endpointId' | 'claimId'>,
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE webhook_endpoints SET busy_until = NULL, claim_id = NULL
        WHERE id = ${claimed.endpointId} AND claim_id = ${claimed.claimId}`,
    );
  }

  /** One delivery of the firm's about a case it represents a party on now, with its attempts. */
  async find(organisationId: string, id: string): Promise<WebhookDelivery | undefined> {
    const row = await queryOne<DeliveryRow>(
      this.dataSource,
      sql`SELECT d.* FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.id = ${id} AND e.organisation_id = ${organisationId} AND ${representsCaseOf(organisationId)}`,
    );
    return row && (await this.withAttempts([row]))[0];
  }

  /**
   * The firm's endpoint's deliveries about cases it represents a party on now, newest first,
   * keyset-paginated, each with its attempts.
   */
  async page(
    organisationId: string,
    endpointId: string,
    limit: number,
    after?: CursorPosition,
  ): Promise<Page<WebhookDelivery>> {
    const rows = await query<DeliveryRow>(
      this.dataSource,
      sql`SELECT d.* FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.endpoint_id = ${endpointId} AND e.organisation_id = ${organisationId}
          AND ${representsCaseOf(organisationId)}
        ${after ? sql`AND (d.created_at, d.id) < (${after.createdAt}, ${after.id})` : sql``}
        ORDER BY d.created_at DESC, d.id DESC LIMIT ${limit + 1}`,
    );
    return toPage(await this.withAttempts(rows), limit);
  }

  /**
   * Sends a delivered or parked delivery again from now, with a fresh retry window: the same id, so
   * the receiver can tell it is the same message. Undefined when it is not in one of those states.
   */
  async replay(organisationId: string, id: string, now: Date): Promise<WebhookDelivery | undefined> {
    const row = await queryOne<DeliveryRow>(
      this.dataSource,
      sql`UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = ${now}, window_started_at = ${now}
        FROM webhook_endpoints e
        WHERE d.id = ${id} AND e.id = d.endpoint_id AND e.organisation_id = ${organisationId}
          AND d.status IN ('delivered', 'parked') AND ${representsCaseOf(organisationId)}
        RETURNING d.*`,
    );
    return row && (await this.withAttempts([row]))[0];
  }

  private async withAttempts(rows: readonly DeliveryRow[]): Promise<WebhookDelivery[]> {
    if (rows.length === 0) return [];
    const attempts = await query<AttemptRow>(
      this.dataSource,
      sql`SELECT * FROM webhook_delivery_attempts WHERE delivery_id = ANY(${rows.map((r) => r.id)}::uuid[])
        ORDER BY delivery_id, attempt`,
    );
    return rows.map((r) => ({
      id: r.id,
      endpointId: r.endpoint_id,
      eventType: r.event_type as WebhookEventType,
      caseId: r.case_id,
      payload: r.payload,
      status: r.status,
      nextAttemptAt: r.next_attempt_at,
      deliveredAt: r.delivered_at,
      createdAt: r.created_at,
      attempts: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({
          attempt: a.attempt,
          attemptedAt: a.attempted_at,
          durationMs: a.duration_ms,
          statusCode: a.status_code,
          error: a.error,
        })),
    }));
  }
}

/**
 * Picks up to `limit` of the candidates (least recently claimed first), one firm at a time in turn,
 * each firm up to `perFirm` in flight counting those it already has (`busy`).
 */
export function fairShare(
  candidates: readonly { id: string; organisation_id: string; busy: number }[],
  limit: number,
  perFirm: number,
): string[] {
  const queues = new Map<string, { room: number; ids: string[] }>();
  for (const c of candidates) {
    const queue = queues.get(c.organisation_id) ?? { room: perFirm - c.busy, ids: [] };
    queue.ids.push(c.id);
    queues.set(c.organisation_id, queue);
  }
  const picked: string[] = [];
  for (let round = 0; picked.length < limit; round++) {
    let any = false;
    for (const queue of queues.values()) {
      if (round >= queue.room || round >= queue.ids.length) continue;
      any = true;
      picked.push(queue.ids[round]);
      if (picked.length === limit) break;
    }
    if (!any) break;
  }
  return picked;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CursorPosition, execute, joinSql, Page, query, queryOne, sql, toPage } from '@ccsc/platform';
import type { WebhookEventType } from '../domain/webhook-event-types';
import type { EndpointSecrets } from '../domain/webhook-secret';
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
  url: string;
  payload: string;
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

/** Persistence of deliveries and their attempt log; every read for a firm names its organisation. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
   * and lets another replica take over once it has run out (a crash mid-attempt).
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.dataSource.transaction(async (manager) => {
      const endpoints = await query<{ id: string }>(
        manager,
        sql`SELECT e.id FROM webhook_endpoints e
          WHERE e.enabled AND (e.busy_until IS NULL OR e.busy_until < now())
            AND EXISTS (SELECT 1 FROM webhook_deliveries d
              WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= now())
          ORDER BY e.busy_until NULLS FIRST, e.id
          LIMIT ${limit}
          FOR UPDATE OF e SKIP LOCKED`,
      );
      if (endpoints.length === 0) return [];
      const ids = endpoints.map((e) => e.id);
      await execute(
        manager,
        sql`UPDATE webhook_endpoints SET busy_until = now() + ${leaseMs} * interval '1 millisecond'
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
      return rows.map((r) => ({
        id: r.id,
        endpointId: r.endpoint_id,
        url: r.url,
        payload: r.payload,
        attempts: r.attempts,
        windowStartedAt: r.window_started_at,
        secret: r.secret,
        previousSecret: r.previous_secret,
        previousSecretUntil: r.previous_secret_until,
        visible: r.visible,
      }));
    });
  }

  /**
   * Logs an attempt and moves the delivery on: delivered, due again at `nextAttemptAt`, or parked
   * (neither); then frees its endpoint for the next delivery. A delivery deleted meanwhile (with
   * its endpoint) logs nothing.
   */
  async recordAttempt(
    claimed: ClaimedDelivery,
    attempt: Omit<DeliveryAttempt, 'attempt'>,
    outcome: { delivered: true } | { delivered: false; nextAttemptAt: Date | undefined },
  ): Promise<void> {
    const number = claimed.attempts + 1;
    await this.dataSource.transaction(async (manager) => {
      const status: DeliveryStatus = outcome.delivered ? 'delivered' : outcome.nextAttemptAt ? 'pending' : 'parked';
      const next = outcome.delivered ? null : (outcome.nextAttemptAt ?? null);
      const updated = await execute(
        manager,
        sql`UPDATE webhook_deliveries SET attempts = ${number}, status = ${status}, next_attempt_at = ${next}::timestamptz,
            delivered_at = ${outcome.delivered ? attempt.attemptedAt : null}::timestamptz
          WHERE id = ${claimed.id}`,
      );
      if (updated === 1) {
        await execute(
          manager,
          sql`INSERT INTO webhook_delivery_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, error)
            VALUES (${claimed.id}, ${number}, ${attempt.attemptedAt}, ${attempt.durationMs}, ${attempt.statusCode}, ${attempt.error})`,
        );
      }
      await this.release(manager, claimed.endpointId);
    });
  }

  /** The firm no longer represents a party on the case: the delivery is not sent, now or later. */
  async withhold(claimed: ClaimedDelivery): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await execute(
        manager,
        sql`UPDATE webhook_deliveries SET status = 'withheld', next_attempt_at = NULL WHERE id = ${claimed.id}`,
      );
      await this.release(manager, claimed.endpointId);
    });
  }

  /** Frees the endpoint after an attempt that could not be recorded, so its next delivery is not held up. */
  async releaseEndpoint(endpointId: string): Promise<void> {
    await this.release(this.dataSource.manager, endpointId);
  }

  private async release(manager: EntityManager, endpointId: string): Promise<void> {
    await execute(manager, sql`UPDATE webhook_endpoints SET busy_until = NULL WHERE id = ${endpointId}`);
  }

  /** One delivery of the firm's, with its attempts. */
  async find(organisationId: string, id: string): Promise<WebhookDelivery | undefined> {
    const row = await queryOne<DeliveryRow>(
      this.dataSource,
      sql`SELECT d.* FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.id = ${id} AND e.organisation_id = ${organisationId}`,
    );
    return row && (await this.withAttempts([row]))[0];
  }

  /** An endpoint's deliveries, newest first, keyset-paginated, each with its attempts. */
  async page(endpointId: string, limit: number, after?: CursorPosition): Promise<Page<WebhookDelivery>> {
    const rows = await query<DeliveryRow>(
      this.dataSource,
      sql`SELECT * FROM webhook_deliveries WHERE endpoint_id = ${endpointId}
        ${after ? sql`AND (created_at, id) < (${after.createdAt}, ${after.id})` : sql``}
        ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
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
          AND d.status IN ('delivered', 'parked')
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

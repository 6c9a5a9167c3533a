import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CursorPosition, execute, Page, query, queryOne, sql, toPage } from '@ccsc/platform';
import type { WebhookEventType } from '../domain/webhook-event-types';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { WebhookSecretBox } from './webhook-secret-box';

export type { WebhookEndpoint } from '../domain/webhook-endpoint';

export interface NewWebhookEndpoint extends Omit<WebhookEndpoint, 'previousSecretUntil'> {
  secret: string;
}

interface EndpointRow {
  id: string;
  organisation_id: string;
  url: string;
  event_types: string[];
  enabled: boolean;
  previous_secret_until: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = sql`id, organisation_id, url, event_types, enabled,
  CASE WHEN previous_secret_until > now() THEN previous_secret_until END AS previous_secret_until,
  created_by, created_at, updated_at`;

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  organisationId: r.organisation_id,
  url: r.url,
  eventTypes: r.event_types as WebhookEventType[],
  enabled: r.enabled,
  previousSecretUntil: r.previous_secret_until,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Persistence of a firm's webhook endpoints. Every read and write names the organisation: another
 * firm's endpoint is simply not there.
 */
@Injectable()
export class WebhookEndpointRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecretBox,
  ) {}

  /**
   * Adds the endpoint unless its firm already has `max` endpoints, or one whose URL `sameUrl` says is
   * the same. The firm's registrations are serialised by a transaction-scoped advisory lock, so two at
   * once cannot both pass the count or both add one URL.
   */
  async insertWithinLimit(
    endpoint: NewWebhookEndpoint,
    max: number,
    sameUrl: (a: string, b: string) => boolean,
  ): Promise<{ inserted: true } | { inserted: false; limit: true } | { inserted: false; duplicateOf: string }> {
    return this.dataSource.transaction(async (manager) => {
      await execute(
        manager,
        sql`SELECT pg_advisory_xact_lock(hashtextextended(${`webhook-endpoints:${endpoint.organisationId}`}, 0))`,
      );
      const existing = await query<{ id: string; url: string }>(
        manager,
        sql`SELECT id, url FROM webhook_endpoints WHERE organisation_id = ${endpoint.organisationId}`,
      );
      const duplicate = existing.find((e) => sameUrl(e.url, endpoint.url));
      if (duplicate) return { inserted: false, duplicateOf: duplicate.id };
      if (existing.length >= max) return { inserted: false, limit: true };
      await execute(
        manager,
        sql`INSERT INTO webhook_endpoints (id, organisation_id, url, event_types, enabled, secret, created_by, created_at, updated_at)
          VALUES (${endpoint.id}, ${endpoint.organisationId}, ${endpoint.url}, ${endpoint.eventTypes}::text[], ${endpoint.enabled},
            ${this.secrets.seal(endpoint.secret)}, ${endpoint.createdBy}, ${endpoint.createdAt}, ${endpoint.updatedAt})`,
      );
      return { inserted: true };
    });
  }

  async find(organisationId: string, id: string): Promise<WebhookEndpoint | undefined> {
    const row = await queryOne<EndpointRow>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM webhook_endpoints WHERE id = ${id} AND organisation_id = ${organisationId}`,
    );
    return row && toEndpoint(row);
  }

  /** Newest first, keyset-paginated. */
  async page(organisationId: string, limit: number, after?: CursorPosition): Promise<Page<WebhookEndpoint>> {
    const rows = await query<EndpointRow>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM webhook_endpoints WHERE organisation_id = ${organisationId}
        ${after ? sql`AND (created_at, id) < (${after.createdAt}, ${after.id})` : sql``}
        ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
    );
    return toPage(rows.map(toEndpoint), limit);
  }

  /** Applies the changes given; the endpoint after them, or undefined when the firm has no such endpoint. */
  async update(
    organisationId: string,
    id: string,
    changes: { enabled?: boolean; eventTypes?: WebhookEventType[] },
    now: Date,
  ): Promise<WebhookEndpoint | undefined> {
    const row = await queryOne<EndpointRow>(
      this.dataSource,
      sql`UPDATE webhook_endpoints SET
          enabled = COALESCE(${changes.enabled ?? null}::boolean, enabled),
          event_types = COALESCE(${changes.eventTypes ?? null}::text[], event_types),
          updated_at = ${now}
        WHERE id = ${id} AND organisation_id = ${organisationId}
        RETURNING ${COLUMNS}`,
    );
    return row && toEndpoint(row);
  }

  /** Deletes the endpoint with its deliveries and their log; false when the firm has no such endpoint. */
  async delete(organisationId: string, id: string): Promise<boolean> {
    return (
      (await execute(
        this.dataSource,
        sql`DELETE FROM webhook_endpoints WHERE id = ${id} AND organisation_id = ${organisationId}`,
      )) === 1
    );
  }

  /**
   * Makes `secret` the signing secret; the one it replaces keeps signing until `previousUntil`. Not
   * while an earlier rotation's overlap is running: that would make the secret just issued the
   * "previous" one and stop the original signing at once, breaking a receiver still switching over.
   * Undefined when the firm has no such endpoint; `overlapUntil` when a rotation is under way.
   */
  async rotateSecret(
    organisationId: string,
    id: string,
    secret: string,
    previousUntil: Date,
    now: Date,
  ): Promise<{ endpoint: WebhookEndpoint } | { overlapUntil: Date } | undefined> {
    const row = await queryOne<EndpointRow>(
      this.dataSource,
      sql`UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = ${previousUntil},
          secret = ${this.secrets.seal(secret)}, updated_at = ${now}
        WHERE id = ${id} AND organisation_id = ${organisationId}
          AND (previous_secret_until IS NULL OR previous_secret_until <= now())
        RETURNING ${COLUMNS}`,
    );
    if (row) return { endpoint: toEndpoint(row) };
    const current = await this.find(organisationId, id);
    if (!current) return undefined;
    // `find` shows the overlap's end only while it runs; one that ended between the two statements
    // has nothing to wait for, and the caller may simply try again.
    return { overlapUntil: current.previousSecretUntil ?? now };
  }

  /** The enabled endpoints of these firms subscribed to one of `types`, in the caller's transaction. */
  async subscribed(
    manager: EntityManager,
    organisationIds: readonly string[],
    types: readonly string[],
  ): Promise<{ id: string; organisationId: string; eventTypes: string[] }[]> {
    if (organisationIds.length === 0 || types.length === 0) return [];
    const rows = await query<{ id: string; organisation_id: string; event_types: string[] }>(
      manager,
      sql`SELECT id, organisation_id, event_types FROM webhook_endpoints
        WHERE enabled AND organisation_id = ANY(${organisationIds}::text[]) AND event_types && ${types}::text[]`,
    );
    return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, eventTypes: r.event_types }));
  }
}

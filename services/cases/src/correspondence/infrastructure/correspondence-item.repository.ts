import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DeliveryStatus } from '@ccsc/correspondence';
import { execute, query, queryOne, sql } from '@ccsc/platform';
import type { CorrespondenceItem, ItemStatus } from '../domain/correspondence-item';

export type { CorrespondenceItem } from '../domain/correspondence-item';

/** The party and case an item is addressed from, read in the recording transaction. */
export interface AddresseeRow {
  name: string;
  email: string | null;
  postcode: string | null;
  addressLines: string[] | null;
  preferredLanguage: 'en' | 'cy';
  role: string;
  caseReference: string;
}

/** A case's parties as access sees them. */
export interface PartyRelationRow {
  partyId: string;
  role: string;
  userId?: string;
  organisationId?: string;
}

const COLUMNS = sql`id, request_id AS "requestId", case_id AS "caseId", party_id AS "partyId",
  template_id AS "templateId", template_version AS "templateVersion", language, channel, subject, body,
  sections, recipient, reference, about, source, status, provider_status AS "providerStatus",
  provider_id AS "providerId", attempts, next_attempt_at AS "nextAttemptAt", created_at AS "createdAt",
  sent_at AS "sentAt", delivered_at AS "deliveredAt", last_error AS "lastError"`;

/** Persistence of correspondence_items; every write takes the caller's transaction. */
@Injectable()
export class CorrespondenceItemRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records the item unless its request is recorded already; whether it was recorded now. */
  async insert(manager: EntityManager, item: CorrespondenceItem): Promise<boolean> {
    const inserted = await query<{ id: string }>(
      manager,
      sql`INSERT INTO correspondence_items (id, request_id, case_id, party_id, template_id, template_version, language,
          channel, subject, body, sections, recipient, reference, about, source, status, attempts, next_attempt_at,
          created_at)
        VALUES (${item.id}, ${item.requestId}, ${item.caseId}, ${item.partyId}, ${item.templateId},
          ${item.templateVersion}, ${item.language}, ${item.channel}, ${item.subject}, ${item.body},
          ${JSON.stringify(item.sections)}::jsonb, ${JSON.stringify(item.recipient)}::jsonb, ${item.reference},
          ${item.about}, ${item.source}, ${item.status}, 0, ${item.nextAttemptAt}, ${item.createdAt})
        ON CONFLICT (request_id) DO NOTHING
        RETURNING id`,
    );
    return inserted.length === 1;
  }

  async isRecorded(manager: EntityManager, requestId: string): Promise<boolean> {
    return (
      (await queryOne(manager, sql`SELECT 1 FROM correspondence_items WHERE request_id = ${requestId}`)) !== undefined
    );
  }

  async addressee(manager: EntityManager, caseId: string, partyId: string): Promise<AddresseeRow | undefined> {
    return queryOne<AddresseeRow>(
      manager,
      sql`SELECT p.name, p.email, p.postcode, p.address_lines AS "addressLines",
          p.preferred_language AS "preferredLanguage", p.role, c.reference AS "caseReference"
        FROM case_parties p JOIN cases c ON c.id = p.case_id
        WHERE p.id = ${partyId} AND p.case_id = ${caseId}`,
    );
  }

  async caseReference(manager: EntityManager, caseId: string): Promise<string | undefined> {
    return (await queryOne<{ reference: string }>(manager, sql`SELECT reference FROM cases WHERE id = ${caseId}`))
      ?.reference;
  }

  async partyIds(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = await query<{ id: string }>(
      manager,
      sql`SELECT id FROM case_parties WHERE case_id = ${caseId} ORDER BY position`,
    );
    return rows.map((r) => r.id);
  }

  /** The case's parties for the access rule, or undefined when there is no such case. */
  async relations(caseId: string): Promise<PartyRelationRow[] | undefined> {
    const rows = await query<{
      caseId: string;
      partyId: string | null;
      role: string;
      userId: string | null;
      organisationId: string | null;
    }>(
      this.dataSource,
      sql`SELECT c.id AS "caseId", p.id AS "partyId", p.role, p.user_id AS "userId", p.represented_by AS "organisationId"
        FROM cases c LEFT JOIN case_parties p ON p.case_id = c.id WHERE c.id = ${caseId}`,
    );
    if (!rows.length) return undefined;
    return rows.flatMap((r) =>
      r.partyId
        ? [
            {
              partyId: r.partyId,
              role: r.role,
              ...(r.userId ? { userId: r.userId } : {}),
              ...(r.organisationId ? { organisationId: r.organisationId } : {}),
            },
          ]
        : [],
    );
  }

  /** A case's items, oldest first. */
  async forCase(caseId: string, partyIds?: readonly string[]): Promise<CorrespondenceItem[]> {
    const parties = partyIds ? sql`AND party_id = ANY(${[...partyIds]}::uuid[])` : sql``;
    return query<CorrespondenceItem>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM correspondence_items WHERE case_id = ${caseId} ${parties} ORDER BY created_at, id`,
    );
  }

  async findById(id: string): Promise<CorrespondenceItem | undefined> {
    return queryOne<CorrespondenceItem>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM correspondence_items WHERE id = ${id}`,
    );
  }

  /**
   * The oldest item due to be sent, locked for the caller's transaction. SKIP LOCKED: another replica's
   * dispatcher passes over an item being sent and takes the next, so no item is sent by two at once.
   */
  async claimDue(manager: EntityManager, now: Date): Promise<CorrespondenceItem | undefined> {
    return queryOne<CorrespondenceItem>(
      manager,
      sql`SELECT ${COLUMNS} FROM correspondence_items
        WHERE status = 'pending' AND next_attempt_at <= ${now}
        ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
  }

  async markSent(
    manager: EntityManager,
    id: string,
    sent: { providerId: string; providerStatus: DeliveryStatus; status: ItemStatus; at: Date },
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE correspondence_items SET status = ${sent.status}, provider_id = ${sent.providerId},
          provider_status = ${sent.providerStatus}, attempts = attempts + 1, next_attempt_at = NULL,
          sent_at = ${sent.at}, delivered_at = CASE WHEN ${sent.status} = 'delivered' THEN ${sent.at}::timestamptz END,
          last_error = NULL
        WHERE id = ${id}`,
    );
  }

  /** A failed attempt: tried again at `retryAt`, or failed for good without one. */
  async markAttemptFailed(manager: EntityManager, id: string, error: string, retryAt: Date | undefined): Promise<void> {
    await execute(
      manager,
      sql`UPDATE correspondence_items SET attempts = attempts + 1, last_error = ${error.slice(0, 300)},
          status = ${retryAt ? 'pending' : 'failed'}, next_attempt_at = ${retryAt ?? null}
        WHERE id = ${id}`,
    );
  }

  /** The item a delivery receipt is about: by the provider's id, or by our reference (the item's id). */
  async findForReceipt(manager: EntityManager, providerId: string, reference: string | null) {
    return queryOne<{ id: string; status: ItemStatus; caseId: string }>(
      manager,
      sql`SELECT id, status, case_id AS "caseId" FROM correspondence_items
        WHERE provider_id = ${providerId} OR (${reference}::uuid IS NOT NULL AND id = ${reference}::uuid)
        ORDER BY (provider_id IS NOT DISTINCT FROM ${providerId}) DESC LIMIT 1 FOR UPDATE`,
    );
  }

  async recordReceipt(
    manager: EntityManager,
    id: string,
    receipt: { providerId: string; providerStatus: DeliveryStatus; status: ItemStatus; completedAt: Date | null },
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE correspondence_items SET status = ${receipt.status}, provider_status = ${receipt.providerStatus},
          provider_id = COALESCE(provider_id, ${receipt.providerId}),
          delivered_at = CASE WHEN ${receipt.status} = 'delivered' THEN COALESCE(delivered_at, ${receipt.completedAt}::timestamptz, now()) ELSE delivered_at END
        WHERE id = ${id}`,
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, query, queryOne, sql } from '@ccsc/platform';
import type { DeliveryStatus } from '../notifications/notification-sender.port';
import type { CorrespondenceItem, ItemStatus } from './correspondence-item';

const COLUMNS = sql`id, request_id AS "requestId", record_id AS "recordId", recipient_id AS "recipientId",
  template_id AS "templateId", template_version AS "templateVersion", language, channel, subject, body,
  sections, recipient, reference, about, source, status, provider_status AS "providerStatus",
  provider_id AS "providerId", attempts, next_attempt_at AS "nextAttemptAt",
  attempt_started_at AS "attemptStartedAt", created_at AS "createdAt",
  sent_at AS "sentAt", delivered_at AS "deliveredAt", last_error AS "lastError"`;

/** An item as claimed for an attempt, with the status it had before. */
export type ClaimedItem = CorrespondenceItem & { previousStatus: 'pending' | 'sending' };

/**
 * Persistence of correspondence_items. Recording takes the caller's transaction (the inbox's); the
 * dispatcher's writes are single statements of their own, so no transaction is open while it calls the
 * provider.
 */
@Injectable()
export class CorrespondenceItemRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records the item unless its request is recorded already; whether it was recorded now. */
  async insert(manager: EntityManager, item: CorrespondenceItem): Promise<boolean> {
    const inserted = await query<{ id: string }>(
      manager,
      sql`INSERT INTO correspondence_items (id, request_id, record_id, recipient_id, template_id, template_version, language,
          channel, subject, body, sections, recipient, reference, about, source, status, attempts, next_attempt_at,
          created_at, last_error)
        VALUES (${item.id}, ${item.requestId}, ${item.recordId}, ${item.recipientId}, ${item.templateId},
          ${item.templateVersion}, ${item.language}, ${item.channel}, ${item.subject}, ${item.body},
          ${JSON.stringify(item.sections)}::jsonb, ${JSON.stringify(item.recipient)}::jsonb, ${item.reference},
          ${item.about}, ${item.source}, ${item.status}, 0, ${item.nextAttemptAt}, ${item.createdAt},
          ${item.lastError?.slice(0, 300) ?? null})
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

  /** The items of each record asked for (a case's, a page of complaints'), oldest first; every record is a key. */
  async forRecords(recordIds: readonly string[]): Promise<Map<string, CorrespondenceItem[]>> {
    const byRecord = new Map(recordIds.map((id): [string, CorrespondenceItem[]] => [id, []]));
    if (recordIds.length === 0) return byRecord;
    const items = await query<CorrespondenceItem>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM correspondence_items WHERE record_id = ANY(${[...recordIds]}::uuid[]) ORDER BY created_at, id`,
    );
    for (const item of items) byRecord.get(item.recordId)?.push(item);
    return byRecord;
  }

  async findById(id: string): Promise<CorrespondenceItem | undefined> {
    return queryOne<CorrespondenceItem>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM correspondence_items WHERE id = ${id}`,
    );
  }

  /**
   * Takes the oldest item due, and commits it as `sending` (one statement, so the claim is committed as it
   * returns): `attempt_started_at` = now, one more attempt, and due again at `leaseUntil` should nothing be
   * recorded by then (the process died, or its outcome could not be written). SKIP LOCKED: another replica's
   * dispatcher passes over a row being claimed and takes the next. `previousStatus` is `sending` when an
   * earlier attempt's outcome is unknown: the provider must be asked before anything is sent again.
   */
  async claimDue(now: Date, leaseUntil: Date): Promise<ClaimedItem | undefined> {
    return queryOne<ClaimedItem>(
      this.dataSource,
      sql`WITH due AS (
          SELECT id AS due_id, status AS previous_status FROM correspondence_items
          WHERE status IN ('pending', 'sending') AND next_attempt_at <= ${now}
          ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
        )
        UPDATE correspondence_items SET status = 'sending', attempt_started_at = ${now}, next_attempt_at = ${leaseUntil},
          attempts = attempts + 1
        FROM due WHERE id = due.due_id
        RETURNING ${COLUMNS}, due.previous_status AS "previousStatus"`,
    );
  }

  /**
   * The provider has the item. Written only while the claim is still this attempt's (`attemptStartedAt`):
   * had the lease run out and another dispatcher claimed it, that one answers for it. A receipt that came
   * first (Notify can call back before this is written) keeps the outcome it recorded.
   */
  async markSent(
    id: string,
    attemptStartedAt: Date,
    sent: { providerId: string; providerStatus: DeliveryStatus; status: ItemStatus; at: Date },
  ): Promise<void> {
    await execute(
      this.dataSource,
      sql`UPDATE correspondence_items SET
          status = CASE WHEN status = 'sending' THEN ${sent.status} ELSE status END,
          provider_id = COALESCE(provider_id, ${sent.providerId}),
          provider_status = CASE WHEN status = 'sending' THEN ${sent.providerStatus} ELSE provider_status END,
          next_attempt_at = NULL, sent_at = COALESCE(sent_at, ${sent.at}),
          delivered_at = CASE WHEN status = 'sending' AND ${sent.status} = 'delivered' THEN ${sent.at}::timestamptz ELSE delivered_at END,
          last_error = NULL
        WHERE id = ${id} AND attempt_started_at = ${attemptStartedAt}
          AND status IN ('sending', 'sent', 'delivered', 'failed')`,
    );
  }

  /**
   * An attempt that failed. `outcomeUnknown`: the provider may have it, so the item stays `sending` and is
   * looked up by reference when due again at `retryAt`; otherwise it is `pending` again. Without `retryAt`
   * it has failed for good. Only while the claim is still this attempt's, as markSent.
   */
  async markAttemptFailed(
    id: string,
    attemptStartedAt: Date,
    failure: { error: string; retryAt: Date | undefined; outcomeUnknown: boolean },
  ): Promise<void> {
    const status = !failure.retryAt ? 'failed' : failure.outcomeUnknown ? 'sending' : 'pending';
    await execute(
      this.dataSource,
      sql`UPDATE correspondence_items SET last_error = ${failure.error.slice(0, 300)}, status = ${status},
          next_attempt_at = ${failure.retryAt ?? null}
        WHERE id = ${id} AND attempt_started_at = ${attemptStartedAt} AND status = 'sending'`,
    );
  }

  /** The item a delivery receipt is about: by the provider's id, or by our reference (the item's id). */
  async findForReceipt(manager: EntityManager, providerId: string, reference: string | null) {
    return queryOne<{ id: string; status: ItemStatus }>(
      manager,
      sql`SELECT id, status FROM correspondence_items
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
          next_attempt_at = CASE WHEN ${receipt.status} IN ('pending', 'sending') THEN next_attempt_at END,
          delivered_at = CASE WHEN ${receipt.status} = 'delivered' THEN COALESCE(delivered_at, ${receipt.completedAt}::timestamptz, now()) ELSE delivered_at END
        WHERE id = ${id}`,
    );
  }
}

import { randomUUID } from 'node:crypto';
import type { EntityManager, QueryRunner } from 'typeorm';
import { EventEnvelope, EventType } from '@ccsc/contracts';
import { traceHeaders } from '@ccsc/platform';

// Set on a transaction's query runner when it writes to the outbox; the relay looks for it on commit.
const OUTBOX_WRITTEN = 'ccscOutboxWritten';

/**
 * Marks the caller's transaction as one that wrote events (appendToOutbox does; so does a unit of
 * work, whose bulk statements may insert outbox rows themselves), so that its commit wakes the relay.
 */
export function markOutboxWritten(manager: EntityManager): void {
  const data = manager.queryRunner?.data as Record<string, unknown> | undefined;
  if (data) data[OUTBOX_WRITTEN] = true;
}

/** Whether the transaction of this query runner wrote events; reading it clears the mark. */
export function takeOutboxWritten(queryRunner: QueryRunner | undefined): boolean {
  const data = queryRunner?.data as Record<string, unknown> | undefined;
  if (!data?.[OUTBOX_WRITTEN]) return false;
  delete data[OUTBOX_WRITTEN];
  return true;
}

export interface EventContext {
  correlationId?: string;
  causationId?: string;
  /** Who caused it: a token subject or `system`. */
  actor?: string;
}

export interface PendingEvent<T extends object = object> {
  type: EventType<T>;
  subject: string;
  data: T;
}

/**
 * Writes integration events into the outbox in the caller's transaction, so an event exists if and
 * only if the state change that caused it committed. An event that breaks its schema is a bug in
 * the publisher and fails the whole command.
 */
export async function appendToOutbox(
  manager: EntityManager,
  events: PendingEvent[],
  context: EventContext = {},
  now = new Date(),
): Promise<EventEnvelope[]> {
  // The request's trace goes with its events, so relay and consumers join the same trace.
  const { traceparent, tracestate } = traceHeaders();
  const envelopes = events.map((event) => {
    const problems = event.type.check(event.data);
    if (problems.length)
      throw new Error(
        `Event ${event.type.type} does not match its schema: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      );
    const envelope: EventEnvelope = {
      specversion: '1.0',
      id: randomUUID(),
      source: event.type.source,
      type: event.type.type,
      subject: event.subject,
      time: now.toISOString(),
      datacontenttype: 'application/json',
      data: event.data,
      ...(context.correlationId ? { correlationid: context.correlationId } : {}),
      ...(context.causationId ? { causationid: context.causationId } : {}),
      ...(context.actor ? { actor: context.actor } : {}),
      ...(traceparent ? { traceparent } : {}),
      ...(tracestate ? { tracestate } : {}),
    };
    return { envelope, topic: event.type.topic };
  });
  if (envelopes.length === 0) return [];
  markOutboxWritten(manager);
  await manager.query(
    `INSERT INTO outbox (id, topic, message_key, type, envelope)
     SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[])`,
    [
      envelopes.map((e) => e.envelope.id),
      envelopes.map((e) => e.topic),
      envelopes.map((e) => e.envelope.subject),
      envelopes.map((e) => e.envelope.type),
      envelopes.map((e) => JSON.stringify(e.envelope)),
    ],
  );
  return envelopes.map((e) => e.envelope);
}

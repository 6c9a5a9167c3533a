import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EventEnvelope, EventType } from '@ccsc/contracts';
import { traceHeaders } from '@ccsc/platform';

/** The PostgreSQL notification channel on which a commit that wrote events wakes the relay (one database per service). */
export const OUTBOX_CHANNEL = 'ccsc_outbox';

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
  // The notification reaches the relay's LISTEN connection when (and only if) the transaction commits,
  // on whichever replica holds the relay, so a commit wakes it instead of the next poll.
  await manager.query(
    `WITH written AS (
       INSERT INTO outbox (id, topic, message_key, type, envelope)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[])
       RETURNING 1)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM written LIMIT 1) AS any_written`,
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

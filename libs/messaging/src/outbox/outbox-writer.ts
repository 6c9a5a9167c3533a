import { randomUUID } from 'node:crypto';
import type { EntityManager, QueryRunner } from 'typeorm';
import { EventEnvelope, EventType } from '@ccsc/contracts';
import { Logger } from '@nestjs/common';
import { isDatabaseUnavailable, traceHeaders } from '@ccsc/platform';
import { sourceApplierOf } from '../inbox/applied-at-source';

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
 *
 * Where the publishing service handles some of these events itself (its timeline, its letters, its
 * webhooks), its handlers run here, in the same transaction, and the events are recorded in its inbox
 * and marked in the outbox as applied at source, so its own consumer passes over them without a write:
 * a notice or a timeline line exists exactly when its cause does, with no hop through the broker. A
 * handler that fails does not fail the command: what it did is rolled back to a savepoint, and the
 * events are left for the consumer to apply, with its retries and dead letters.
 */
export async function appendToOutbox(
  manager: EntityManager,
  events: PendingEvent[],
  context: EventContext = {},
  now = new Date(),
): Promise<EventEnvelope[]> {
  const written = envelopesOf(events, context, now);
  if (written.length === 0) return [];
  markOutboxWritten(manager);
  const envelopes = written.map((w) => w.envelope);
  const applier = sourceApplierOf(manager);
  const own = applier ? written.filter((w) => applier.handles(w.envelope)) : [];
  const depth = sourceDepth(manager);
  if (!applier || own.length === 0 || depth.value >= MAX_SOURCE_DEPTH) {
    await insertOutbox(manager, written, new Set());
    return envelopes;
  }
  const savepoint = `ccsc_source_${++savepoints}`;
  await manager.query(`SAVEPOINT ${savepoint}`);
  depth.value += 1;
  try {
    await insertOutbox(manager, written, new Set(own.map((w) => w.envelope.id)));
    // The handlers get the event as its consumer would, read from the JSON that goes out.
    await applier.apply(
      manager,
      own.map((w) => JSON.parse(w.json) as EventEnvelope),
    );
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    await manager.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
    logger.warn(
      { err: error, events: own.map(({ envelope }) => ({ id: envelope.id, type: envelope.type })) },
      'a handler of its own event failed in the publishing transaction; the consumer will apply it',
    );
    await insertOutbox(manager, written, new Set());
  } finally {
    depth.value -= 1;
  }
  return envelopes;
}

// Savepoints are never released (the commit does), so each needs a name of its own.
let savepoints = 0;
// An event whose handler publishes an event whose handler publishes ... goes to the consumer past this.
const MAX_SOURCE_DEPTH = 8;
const SOURCE_DEPTH = 'ccscSourceDepth';
const logger = new Logger('Outbox');

function sourceDepth(manager: EntityManager): { value: number } {
  const data = (manager.queryRunner?.data ?? {}) as Record<string, { value: number } | undefined>;
  return (data[SOURCE_DEPTH] ??= { value: 0 });
}

interface Written {
  envelope: EventEnvelope;
  topic: string;
  json: string;
}

function envelopesOf(events: PendingEvent[], context: EventContext, now: Date): Written[] {
  // The request's trace goes with its events, so relay and consumers join the same trace.
  const { traceparent, tracestate } = traceHeaders();
  return events.map((event) => {
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
    return { envelope, topic: event.type.topic, json: JSON.stringify(envelope) };
  });
}

/** The outbox rows, and in the same statement the inbox rows of those applied at source. */
async function insertOutbox(manager: EntityManager, written: Written[], applied: Set<string>): Promise<void> {
  await manager.query(
    `WITH written AS (
       INSERT INTO outbox (id, topic, message_key, type, envelope, applied_at_source)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[], $6::boolean[])
       RETURNING id, type, applied_at_source
     )
     INSERT INTO inbox (event_id, type, status) SELECT id, type, 'applied' FROM written WHERE applied_at_source`,
    [
      written.map((w) => w.envelope.id),
      written.map((w) => w.topic),
      written.map((w) => w.envelope.subject),
      written.map((w) => w.envelope.type),
      written.map((w) => w.json),
      written.map((w) => applied.has(w.envelope.id)),
    ],
  );
}

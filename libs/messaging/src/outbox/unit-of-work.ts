import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recordChange } from '@ccsc/audit/records';
import { currentWorkScope } from '@ccsc/platform/work-scope';
import { appendToOutbox, type EventContext, markOutboxWritten, type PendingEvent } from './outbox-writer';

/** One business transaction: its connection, its clock, and the events it will publish. */
export interface Transaction {
  readonly manager: EntityManager;
  /** The one "now" of the change: the same instant in rows, history and events. */
  readonly now: Date;
  readonly context: EventContext;
  /** Events published if and only if this transaction commits (written to the outbox before it does). */
  publish(...events: PendingEvent[]): void;
  /** For a set-based statement that inserts outbox rows itself: its commit must wake the relay too. */
  wroteOutboxRows(): void;
}

/**
 * The one shape of a change in every service: lock what changes (the repository's `...ForUpdate`),
 * apply the domain rule, save it with its history, and publish its events, all in ONE transaction,
 * so a crash at any point leaves either all of it or none. Commands run through `run`; an inbox
 * handler, already inside the consumer's transaction, through `withinTransaction`. A commit that
 * wrote events wakes the service's relay (a bulk statement that inserts outbox rows itself says so
 * with `wroteOutboxRows`); one that wrote none costs the relay nothing. A change that publishes is
 * also a record in the service's audit trail: who (the work scope's caller, or the system), in which
 * operation, which records (its events' subjects).
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<R>(context: EventContext, work: (tx: Transaction) => Promise<R>, now = new Date()): Promise<R> {
    return this.dataSource.transaction((manager) => withinTransaction(manager, context, work, now));
  }
}

export async function withinTransaction<R>(
  manager: EntityManager,
  context: EventContext,
  work: (tx: Transaction) => Promise<R>,
  now = new Date(),
): Promise<R> {
  const events: PendingEvent[] = [];
  let wroteEvents = false;
  const result = await work({
    manager,
    now,
    context,
    publish: (...more) => void events.push(...more),
    wroteOutboxRows: () => {
      wroteEvents = true;
      markOutboxWritten(manager);
    },
  });
  const envelopes = await appendToOutbox(manager, events, context, now);
  // The audit trail's record of the change, in the same transaction: it exists if and only if the change
  // does. A person's command is recorded whether or not it published (a referral, a profile, a no-op is
  // still an act); a consumer's or a run's work when it changed something the platform hears of.
  const scope = currentWorkScope();
  const byPerson = !scope?.causedBy && scope?.actor?.() !== undefined;
  if (envelopes.length || wroteEvents || byPerson)
    await recordChange(manager, {
      ...(context.actor ? { actor: context.actor } : {}),
      events: envelopes.map((e) => ({ type: e.type, subject: e.subject, id: e.id })),
    });
  return result;
}

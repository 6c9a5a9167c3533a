import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@ccsc/contracts';

/**
 * The header the relay puts on an event its publisher has already applied (`outbox.applied_at_source`):
 * the publisher's own consumer acknowledges it without a database write. Only the publisher can write
 * its topic (the brokers' ACLs), and the header speaks only to the publisher's own group.
 */
export const APPLIED_AT_SOURCE_HEADER = 'ccsc-applied-at-source';

/** What applies a service's handlers of its own events inside the transaction that publishes them. */
export interface SourceApplier {
  /** Whether this service handles this event of its own. */
  handles(event: EventEnvelope): boolean;
  /** Runs the handlers of these events, in order, in the publishing transaction. */
  apply(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void>;
}

// Per data source, so that services sharing one process (`npm start`) each apply only their own.
const appliers = new WeakMap<DataSource, SourceApplier>();

/** Makes the transactions of this data source apply the service's own events as they publish them. */
export function applyOwnEventsAtSource(dataSource: DataSource, applier: SourceApplier): void {
  appliers.set(dataSource, applier);
}

export function sourceApplierOf(manager: EntityManager): SourceApplier | undefined {
  return appliers.get(manager.connection);
}

import type { EventEnvelope } from '@ccsc/contracts';

// The task rules name the newest version of each event. During a rolling deploy a producer not yet
// upgraded still publishes the version before, and a task it announces must not be lost: each such
// older version is read as the one the rules name, with what it cannot say left at the value that
// gives no one more than before (a document of unknown language and case type waits in the general
// queue needing no skill; an action nobody says an officer took does not close the account's review).

interface OlderEvent {
  /** The version the rules name. */
  readsAs: string;
  /** Its data as that version, from the older envelope. */
  data(event: EventEnvelope): Record<string, unknown>;
}

const OLDER_EVENTS: Readonly<Record<string, OlderEvent>> = {
  'cases.document-received.v1': {
    readsAs: 'cases.document-received.v2',
    data: (e) => ({ ...(e.data as Record<string, unknown>) }),
  },
  // The proposer is whoever made the change; payments itself refuses the proposer's approval either way.
  'payments.refund-status-changed.v1': {
    readsAs: 'payments.refund-status-changed.v2',
    data: (e) => ({ ...(e.data as Record<string, unknown>), requestedBy: e.actor ?? 'system' }),
  },
  'enforcement.enforcement-action-taken.v1': {
    readsAs: 'enforcement.enforcement-action-taken.v2',
    data: (e) => ({ ...(e.data as Record<string, unknown>), takenBy: 'default-run' }),
  },
};

/** The older event types read as one of these. */
export function olderVersionsOf(types: readonly string[]): string[] {
  return Object.entries(OLDER_EVENTS)
    .filter(([, older]) => types.includes(older.readsAs))
    .map(([type]) => type);
}

/** The event as the rules read it: an older version as the one they name, any other as it is. */
export function asRulesRead(event: EventEnvelope): EventEnvelope {
  const older = OLDER_EVENTS[event.type];
  return older ? { ...event, type: older.readsAs, data: older.data(event) } : event;
}

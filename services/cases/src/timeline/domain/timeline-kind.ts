import { BadUserInputError } from '@ccsc/platform/errors';

/** What a timeline entry is about, so officers can narrow a long history to what they are asked. */
export const TIMELINE_KINDS = [
  'progress',
  'hearings',
  'parties',
  'documents',
  'assisted-digital',
  'outcomes',
  'payments',
  'enquiries',
  'complaints',
  'enforcement',
  'correspondence',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const CASES_KINDS: Record<string, TimelineKind> = {
  'case-created': 'progress',
  'case-state-changed': 'progress',
  'party-added': 'parties',
  'party-updated': 'parties',
  'representation-changed': 'parties',
  'document-received': 'documents',
  'document-reviewed': 'documents',
  'assisted-digital-referral-changed': 'assisted-digital',
  'case-resulted': 'outcomes',
  'decision-recorded': 'outcomes',
  'decision-checked': 'outcomes',
  'hearing-listed': 'hearings',
  'hearing-status-changed': 'hearings',
  'correspondence-recorded': 'correspondence',
};

/**
 * The type of the entry for a letter or email recorded for a party (correspondence/). It is no event on
 * the bus: the entry is written with the item, in the same transaction, and its id is the item's.
 */
export const CORRESPONDENCE_TIMELINE_TYPE = 'cases.correspondence-recorded.v1';

const SERVICE_KINDS: Record<string, TimelineKind> = {
  payments: 'payments',
  queries: 'enquiries',
  complaints: 'complaints',
  enforcement: 'enforcement',
};

/**
 * The kind of an event type `<service>.<name>.v<n>`: by name for cases' own events, by service for the
 * others', except correspondence, which is one kind whoever wrote it.
 */
export function timelineKind(type: string): TimelineKind {
  const [service = '', name = ''] = type.split('.');
  // Letters are found together, whichever service wrote them.
  if (name === 'correspondence-recorded') return 'correspondence';
  return (service === 'cases' ? CASES_KINDS[name] : SERVICE_KINDS[service]) ?? 'progress';
}

/** Kinds asked for by a caller, refused when one is not a kind. */
export function checkedKinds(kinds: readonly string[] | undefined, field = 'kinds'): TimelineKind[] | undefined {
  const unknown = kinds?.filter((k) => !(TIMELINE_KINDS as readonly string[]).includes(k)) ?? [];
  if (unknown.length)
    throw new BadUserInputError('Unknown timeline kind', [
      { field, message: `must be among ${TIMELINE_KINDS.join(', ')}` },
    ]);
  return kinds as TimelineKind[] | undefined;
}

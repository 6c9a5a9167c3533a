import { isStaff, type Principal } from '@ccsc/auth/principal';
import { summaryNamingNoOfficer, type TimelineEntry } from './complaint';

/**
 * The one rule in this service for who did or holds something, by the identity provider's subject
 * of their account (the investigating officer, whoever made a change on the timeline): staff see it;
 * a citizen or a firm gets null, as the cases service names no staff to the parties. Every response
 * field that carries such an id takes it through here.
 */
export function userIdSeenBy(viewer: Principal, userId: string | null): string | null {
  return isStaff(viewer) ? userId : null;
}

/** A timeline entry as viewer may read it, by the same rule: who made it, and an officer its words name. */
export function timelineEntrySeenBy(viewer: Principal, entry: TimelineEntry): TimelineEntry {
  if (isStaff(viewer)) return entry;
  return { ...entry, actor: null, summary: summaryNamingNoOfficer(entry) };
}

/**
 * Who may read a timeline entry besides staff, decided from the event that produced it: everyone on
 * the case (its procedural history), only the parties it concerns (and whoever acts for them), a
 * defendant's result (that defendant's side and the prosecution), or staff alone. An opponent is not
 * a party to the other side's data, so an entry about one party's details, fees, payments, enquiries,
 * complaints, referrals or fine account is never case-wide; nor is one defendant's result and what it
 * imposed a co-defendant's business.
 */
export type TimelineAudience =
  | { kind: 'case' }
  | { kind: 'parties'; partyIds: string[] }
  | { kind: 'result'; partyIds: string[] }
  | { kind: 'staff' };

export const everyoneOnTheCase: TimelineAudience = { kind: 'case' };
export const staffOnly: TimelineAudience = { kind: 'staff' };
export const partiesConcerned = (...partyIds: string[]): TimelineAudience => ({ kind: 'parties', partyIds });
/** A defendant's result: read by that defendant's side and by the parties who are not defendants (the prosecution). */
export const defendantsResult = (defendantPartyId: string): TimelineAudience => ({
  kind: 'result',
  partyIds: [defendantPartyId],
});

/**
 * Who is reading: staff, or the parties of this case the caller acts for (none for an unrelated
 * caller) with their roles on it.
 */
export type TimelineReader = { staff: true } | { staff: false; partyIds: readonly string[]; roles: readonly string[] };

export function mayRead(reader: TimelineReader, audience: TimelineAudience): boolean {
  if (reader.staff) return true;
  switch (audience.kind) {
    case 'case':
      return true;
    case 'parties':
      return audience.partyIds.some((id) => reader.partyIds.includes(id));
    case 'result':
      return (
        audience.partyIds.some((id) => reader.partyIds.includes(id)) ||
        reader.roles.some((role) => role !== 'defendant')
      );
    case 'staff':
      return false;
  }
}

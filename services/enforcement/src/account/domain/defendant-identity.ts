import { ForbiddenError } from '@ccsc/platform/errors';

/** The identity staff gave a party they matched with a party of another case, and who matched it there. */
export interface PartyIdentity {
  identityId: string;
  /**
   * Every staff user whose match put the party in this identity (a merge moves it again, and whoever matched it
   * before still made a link of the chain); null when that is not known (a match recorded before it was kept).
   */
  matchedBy: readonly string[] | null;
}

/**
 * The identity of each party staff matched with a party of another case (party id to identity). Party ids are one
 * case's, so the same person defending two cases has two; a match is staff's finding, never a guess.
 */
export type PartyIdentities = ReadonlyMap<string, PartyIdentity>;

/** Who a defendant is: the identity its party was matched to, or, matched with no one, that party alone. */
export function identityOf(partyId: string, identities: PartyIdentities): string {
  return identities.get(partyId)?.identityId ?? partyId;
}

/** Whether two parties are one defendant: both named, and the same identity. A party not named is nobody's. */
export function sameDefendant(a: string | null, b: string | null, identities: PartyIdentities): boolean {
  return a !== null && b !== null && identityOf(a, identities) === identityOf(b, identities);
}

/**
 * Money or debt moves between two parties' accounts on a match (they are different parties, one defendant) only by
 * someone other than anyone whose match joined them: one person alone could otherwise match a stranger with a
 * defendant and move the defendant's money onto the stranger's fine, or the stranger's fine onto the defendant; nor
 * does a colleague's later merge of either into a genuine identity wash that out. A match whose makers are not known
 * (recorded before they were kept) is no one's to rely on: staff take it back and match the parties again.
 */
export function assertMatchMadeByAnother(a: string, b: string, identities: PartyIdentities, mover: string): void {
  if (a === b) return;
  const makers = [identities.get(a)?.matchedBy, identities.get(b)?.matchedBy];
  if (makers.some((known) => known === null || known === undefined))
    throw new ForbiddenError(
      'These defendants were matched as one person before who matched them was kept: staff take the match back and make it again, then someone else moves the money',
    );
  if (makers.some((known) => known?.includes(mover)))
    throw new ForbiddenError(
      'You matched these defendants as one person: someone else moves money or debt between their accounts',
    );
}

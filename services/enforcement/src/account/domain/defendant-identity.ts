/**
 * The identity staff gave each party they matched with a party of another case (party id to identity id). Party
 * ids are one case's, so the same person defending two cases has two; a match is staff's finding, never a guess.
 */
export type PartyIdentities = ReadonlyMap<string, string>;

/** Who a defendant is: the identity its party was matched to, or, matched with no one, that party alone. */
export function identityOf(partyId: string, identities: PartyIdentities): string {
  return identities.get(partyId) ?? partyId;
}

/** Whether two parties are one defendant: both named, and the same identity. A party not named is nobody's. */
export function sameDefendant(a: string | null, b: string | null, identities: PartyIdentities): boolean {
  return a !== null && b !== null && identityOf(a, identities) === identityOf(b, identities);
}

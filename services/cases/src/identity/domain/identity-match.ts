import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';
import type { PartyKind, PartyRole } from '../../case/domain/party';

/** A party of an identity, with the case it is on: "all cases of this person". */
export interface IdentityParty {
  partyId: string;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  caseId: string;
  reference: string;
  caseType: string;
  state: string;
  caseCreatedAt: Date;
}

/** A party as a match sees it: where it is, what it is, and the identity it already has. */
export interface MatchedParty {
  caseId: string;
  partyId: string;
  kind: PartyKind;
  identityId: string | null;
}

/** The identity the parties end with, and each party whose identity changes to it. */
export interface IdentityChange {
  identityId: string;
  changed: { caseId: string; partyId: string }[];
}

/**
 * Staff say that `party` is the same person or organisation as `other`, a party of another case. Both end with
 * one identity: the one either already has, or a new one. When both already have one, the two identities are one
 * (every party of `party`'s joins `other`'s): a match is a finding about people, and it holds for everyone matched
 * before. Nothing is guessed: only parties staff name are matched.
 *
 * `sameIdentityAsParty` are the parties that share `party`'s identity now (itself included).
 */
export function matchIdentity(
  party: MatchedParty,
  other: MatchedParty,
  sameIdentityAsParty: readonly MatchedParty[],
  newId: () => string = randomUUID,
): IdentityChange {
  if (party.partyId === other.partyId)
    throw new BadUserInputError('A party is matched with a party of another case', [
      { field: 'sameAsPartyId', message: 'must be another party' },
    ]);
  if (party.caseId === other.caseId)
    throw new ConflictError('Two parties of one case are two parties: match a party with a party of another case');
  if (party.kind !== other.kind) throw new ConflictError(`A ${party.kind} cannot be the same as an ${other.kind}`);
  if (party.identityId !== null && party.identityId === other.identityId)
    return { identityId: party.identityId, changed: [] };
  const identityId = other.identityId ?? party.identityId ?? newId();
  const movers = party.identityId === null ? [party] : sameIdentityAsParty;
  const changed = [...movers, ...(other.identityId === null ? [other] : [])]
    .filter((p) => p.identityId !== identityId)
    .map(({ caseId, partyId }) => ({ caseId, partyId }));
  return { identityId, changed };
}

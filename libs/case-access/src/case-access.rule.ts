import type { Principal } from '@ccsc/auth/principal';
import { type AccessScope, accessScopeOf } from '@ccsc/auth/access-scope';

/**
 * Who may see a case (HMCTS organisation policy): staff by role; a professional when their firm
 * represents a party; a citizen when they are a party. It is the platform's access scope
 * (`accessScopeOf`), with "owns" meaning "is or represents a party". The cases service applies it
 * to its own parties; every other service to the projection of cases' access events.
 */
export type CaseAccessScope = AccessScope;

export function caseAccessOf(principal: Principal): CaseAccessScope {
  return accessScopeOf(principal);
}

/** A party as access sees it: who they are (their citizen account) and who represents them. */
export interface PartyRelation {
  partyId: string;
  role: string;
  userId?: string;
  /** The firm that represents the party. */
  organisationId?: string;
  /** The party's side pays the case's fees, so may see them (and any remission). */
  paysFees?: boolean;
}

/**
 * Whether the caller acts for this party: a citizen who is the party, or a user of the firm that
 * represents it. Staff act for nobody (they act by role); an opponent acts for the other side only.
 */
export function actsFor(scope: CaseAccessScope, party: Pick<PartyRelation, 'userId' | 'organisationId'>): boolean {
  switch (scope.kind) {
    case 'organisation':
      return party.organisationId === scope.organisationId;
    case 'user':
      return party.userId === scope.userId;
    default:
      return false;
  }
}

/** The parties among `parties` the caller acts for. */
export function partiesActedFor<P extends Pick<PartyRelation, 'userId' | 'organisationId'>>(
  scope: CaseAccessScope,
  parties: readonly P[],
): P[] {
  return parties.filter((p) => actsFor(scope, p));
}

/** Whom a case admits, in the shape of the access event. */
export interface CaseAudience {
  organisations: readonly string[];
  users: readonly string[];
}

/** Whom these parties admit: their citizen accounts and the firms representing them. */
export function audienceOfParties(parties: readonly Pick<PartyRelation, 'userId' | 'organisationId'>[]): CaseAudience {
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.filter((v): v is string => v !== undefined))].sort();
  return {
    organisations: distinct(parties.map((p) => p.organisationId)),
    users: distinct(parties.map((p) => p.userId)),
  };
}

export function admits(scope: CaseAccessScope, audience: CaseAudience | undefined): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organisation':
      return audience?.organisations.includes(scope.organisationId) ?? false;
    case 'user':
      return audience?.users.includes(scope.userId) ?? false;
    case 'none':
      return false;
  }
}

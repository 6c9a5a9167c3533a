import { admits, audienceOfParties, CaseAccessScope, CaseAudience, PartyRelation } from '@ccsc/case-access/rule';
import type { CaseAccessChangedV2 } from '@ccsc/contracts';
import type { Party } from './party';
import { findCaseType } from '../../case-type/case-types';
import { feePayerRoles } from '../../case-type/domain/fee-payers';

export { caseAccessOf } from '@ccsc/case-access/rule';
/** The platform's one access rule (libs/case-access); cases applies it to its own parties. */
export type CaseAccess = CaseAccessScope;

/** A party as the access rule sees it (the firm representing it is its `organisationId`). */
export function relationOf(party: Party): PartyRelation {
  return {
    partyId: party.id,
    role: party.role,
    ...(party.userId ? { userId: party.userId } : {}),
    ...(party.representedBy ? { organisationId: party.representedBy } : {}),
  };
}

/** Whom a case's parties admit. */
export function audienceOf(parties: readonly Party[]): CaseAudience {
  return audienceOfParties(parties.map(relationOf));
}

export function canSeeCase(access: CaseAccess, parties: readonly Party[]): boolean {
  return admits(access, audienceOf(parties));
}

/**
 * `cases.case-access-changed.v2` for the other services: the parties behind the audience (marking
 * the sides that pay fees, so payments can keep fees and remissions from the other side), and the
 * case's version after the change as the sequence that orders these events in every projection.
 */
export function accessChanged(
  snapshot: { id: string; reference: string; caseType: string; parties: readonly Party[] },
  version: number,
): CaseAccessChangedV2 {
  const payers = feePayerRoles(findCaseType(snapshot.caseType));
  return {
    caseId: snapshot.id,
    reference: snapshot.reference,
    sequence: version,
    parties: snapshot.parties.map((p) => ({ ...relationOf(p), ...(payers.has(p.role) ? { paysFees: true } : {}) })),
  };
}

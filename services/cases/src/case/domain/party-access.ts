import { actsFor, partiesActedFor, PartyRelation } from '@ccsc/case-access/rule';
import type { Principal, Role } from '@ccsc/auth/principal';
import { CaseAccess, caseAccessOf, relationOf } from './case-access';
import type { Party } from './party';
import type { CaseTypeDefinition } from '../../case-type/domain/case-type.definition';
import { feePayerRoles } from '../../case-type/domain/fee-payers';

/**
 * Who acts on a case, by the caller's access (caseAccessOf): staff by their roles, or whoever acts
 * for some of its parties (a citizen who is the party, a user of the firm that represents it).
 * Seeing a case is not acting on it: the opponent sees the case and acts for nobody on the other side.
 */
export type CaseActor =
  { kind: 'staff'; roles: readonly Role[] } | { kind: 'parties'; parties: readonly PartyRelation[] };

export function caseActorOf(principal: Principal, parties: readonly Party[]): CaseActor {
  const access = caseAccessOf(principal);
  if (access.kind === 'all') return { kind: 'staff', roles: principal.roles };
  return { kind: 'parties', parties: partiesActedFor(access, parties.map(relationOf)) };
}

/**
 * The one rule for a party's own data in this service: its contact details (email, phone, address lines,
 * postcode), preferred language, reasonable adjustments, vulnerability flags and assisted-digital referrals
 * (with their needs), to read and to change. Staff, or whoever acts for the party. The other side of the
 * case sees who the party is (name, role, kind, and the firm on the record) and nothing more.
 */
export function hasPartyAccess(access: CaseAccess, party: Party): boolean {
  return access.kind === 'all' || actsFor(access, relationOf(party));
}

/** Staff, or whoever acts for a fee-paying party, may read the case's fees. */
export function mayReadFees(actor: CaseActor, caseType: CaseTypeDefinition | undefined): boolean {
  if (actor.kind === 'staff') return true;
  const payers = feePayerRoles(caseType);
  return actor.parties.some((p) => payers.has(p.role));
}

import { hasRole, isStaff, Principal } from '@ccsc/auth/principal';
import type { Party } from './party';

/**
 * Who may see a case (HMCTS organisation policy): staff by role; a professional when their firm
 * represents a party; a citizen when they are a party. The same rule filters lists in SQL
 * (see CaseRepository), so both must change together.
 */
export type CaseAccess = { kind: 'all' } | { kind: 'organisation'; organisationId: string } | { kind: 'party'; userId: string } | { kind: 'none' };

export function caseAccessOf(principal: Principal): CaseAccess {
  if (isStaff(principal)) return { kind: 'all' };
  if (hasRole(principal, 'professional') && principal.organisationId) return { kind: 'organisation', organisationId: principal.organisationId };
  if (hasRole(principal, 'citizen')) return { kind: 'party', userId: principal.sub };
  return { kind: 'none' };
}

export function canSeeCase(access: CaseAccess, parties: readonly Party[]): boolean {
  switch (access.kind) {
    case 'all':
      return true;
    case 'organisation':
      return parties.some((p) => p.representedBy === access.organisationId);
    case 'party':
      return parties.some((p) => p.userId === access.userId);
    case 'none':
      return false;
  }
}

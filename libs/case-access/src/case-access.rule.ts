import { hasRole, isStaff, Principal } from '@ccsc/auth/principal';

/**
 * Who may see a case (HMCTS organisation policy): staff by role; a professional when their firm
 * represents a party; a citizen when they are a party. The cases service applies it to its own
 * parties; every other service applies it to the projection of cases' access events. Each form
 * (in memory, in SQL) must change with the others.
 */
export type CaseAccessScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string } | { kind: 'party'; userId: string } | { kind: 'none' };

export function caseAccessOf(principal: Principal): CaseAccessScope {
  if (isStaff(principal)) return { kind: 'all' };
  if (hasRole(principal, 'professional') && principal.organisationId) return { kind: 'organisation', organisationId: principal.organisationId };
  if (hasRole(principal, 'citizen')) return { kind: 'party', userId: principal.sub };
  return { kind: 'none' };
}

/** Whom a case admits, in the shape of the access event. */
export interface CaseAudience {
  organisations: readonly string[];
  users: readonly string[];
}

export function admits(scope: CaseAccessScope, audience: CaseAudience | undefined): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organisation':
      return audience?.organisations.includes(scope.organisationId) ?? false;
    case 'party':
      return audience?.users.includes(scope.userId) ?? false;
    case 'none':
      return false;
  }
}

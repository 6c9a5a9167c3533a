import { rawSql, sql, type Sql } from '@ccsc/platform/sql';
import { hasRole, type Principal } from './principal';
import { type Role, STAFF_ROLES } from './roles';

/**
 * Whose records a caller may see, the one rule behind every service's lists and lookups: staff by
 * role see all; a professional sees what their firm owns (or, for a case, the parties it
 * represents); a citizen what they own (or the parties they are); anyone else nothing. Each kind
 * of data says what "owns" means for it (`isOwnedBy` in memory, `scopeFilter` in SQL).
 */
export type AccessScope =
  | { kind: 'all' }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'user'; userId: string }
  | { kind: 'none' };

/** `staff` narrows which staff roles see everything (default: every staff role). */
export function accessScopeOf(principal: Principal, staff: readonly Role[] = STAFF_ROLES): AccessScope {
  if (hasRole(principal, ...staff)) return { kind: 'all' };
  if (hasRole(principal, 'professional') && principal.organisationId)
    return { kind: 'organisation', organisationId: principal.organisationId };
  if (hasRole(principal, 'citizen')) return { kind: 'user', userId: principal.sub };
  return { kind: 'none' };
}

/** What a record says about its owner: the citizen account and the firm it belongs to. */
export interface Owner {
  userId?: string | null;
  organisationId?: string | null;
}

/** The scope admits this owner (staff admit every record; a firm or a citizen only its own). */
export function isOwnedBy(scope: AccessScope, owner: Owner): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organisation':
      return owner.organisationId === scope.organisationId;
    case 'user':
      return owner.userId === scope.userId;
    case 'none':
      return false;
  }
}

/** The scope as a SQL condition; `on` says how the data records its owners. */
export function scopeFilter(
  scope: AccessScope,
  on: { user(userId: string): Sql; organisation(organisationId: string): Sql },
): Sql {
  switch (scope.kind) {
    case 'all':
      return rawSql('true');
    case 'organisation':
      return on.organisation(scope.organisationId);
    case 'user':
      return on.user(scope.userId);
    case 'none':
      return rawSql('false');
  }
}

/** The common case of `scopeFilter`: the owner is two columns of the row (names from the code, never from a request). */
export function ownerFilter(scope: AccessScope, columns: { user: string; organisation: string }): Sql {
  return scopeFilter(scope, {
    user: (userId) => sql`${rawSql(columns.user)} = ${userId}`,
    organisation: (organisationId) => sql`${rawSql(columns.organisation)} = ${organisationId}`,
  });
}

import { hasRole, type Principal, type Role } from '@ccsc/auth/principal';
import type { ComplaintProps } from './complaint';

/** The staff who handle complaints; they see every complaint. */
export const COMPLAINT_STAFF: Role[] = ['complaints-officer', 'team-leader'];
/** Staff who may read complaints (a caseworker sees the complaints on the cases they administer). */
export const COMPLAINT_STAFF_READERS: Role[] = [...COMPLAINT_STAFF, 'caseworker', 'system'];
/** The public form: a citizen or a firm files and follows its own complaints. */
export const COMPLAINANTS: Role[] = ['citizen', 'professional'];

/**
 * Who may see a complaint: complaints staff all of them; a citizen the ones they filed; a
 * professional the ones their firm filed. The SQL form in `complaintAccessSql` must change with it.
 */
export type ComplaintScope = { kind: 'all' } | { kind: 'user'; userId: string } | { kind: 'organisation'; organisationId: string } | { kind: 'none' };

export function complaintScope(principal: Principal): ComplaintScope {
  if (hasRole(principal, ...COMPLAINT_STAFF_READERS)) return { kind: 'all' };
  if (hasRole(principal, 'professional') && principal.organisationId) return { kind: 'organisation', organisationId: principal.organisationId };
  if (hasRole(principal, 'citizen')) return { kind: 'user', userId: principal.sub };
  return { kind: 'none' };
}

export function canSeeComplaint(scope: ComplaintScope, complaint: Readonly<ComplaintProps>): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'user':
      return complaint.complainantUserId === scope.userId;
    case 'organisation':
      return complaint.complainantOrganisationId === scope.organisationId;
    case 'none':
      return false;
  }
}

/** The same rule as a WHERE fragment over the complaints row `c`; placeholders start at `$firstParamIndex`. */
export function complaintAccessSql(scope: ComplaintScope, firstParamIndex: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'user':
      return { sql: `c.complainant_user_id = $${firstParamIndex}`, params: [scope.userId] };
    case 'organisation':
      return { sql: `c.complainant_organisation_id = $${firstParamIndex}`, params: [scope.organisationId] };
    case 'none':
      return { sql: 'false', params: [] };
  }
}

/** The platform's roles (architecture.md). Staff roles see by jurisdiction; citizens and professionals by relationship. */
export const ROLES = [
  'citizen',
  'professional',
  'caseworker',
  'team-leader',
  'judiciary',
  'enforcement-officer',
  'complaints-officer',
  'finance-officer',
  'auditor',
  'enforcement-agent',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act by relationship: a citizen as the party they are, a professional for the party their firm represents. */
export const RELATIONSHIP_ROLES: readonly Role[] = ['citizen', 'professional'];
/**
 * Roles that oversee the work rather than do it: an auditor reads the audit trail (libs/audit) and no
 * case, party or account, so they are neither staff nor a party anywhere else.
 */
export const OVERSIGHT_ROLES: readonly Role[] = ['auditor'];
/**
 * Roles of outside bodies the court contracts work to: an enforcement agency (its `org` in the token)
 * acts only on the warrants given to it and sees nothing else, so it is not staff. `system` is the
 * platform's own clients (its scheduler, the issuing authorities' feeds), never an agency's.
 */
export const CONTRACTOR_ROLES: readonly Role[] = ['enforcement-agent'];
/** Roles whose token must name the organisation they act for (`org`): every decision about them depends on it. */
export const ORGANISATION_ROLES: readonly Role[] = ['professional', 'enforcement-agent'];
/** Every other role is staff: it acts by role and jurisdiction. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter(
  (role) => !RELATIONSHIP_ROLES.includes(role) && !OVERSIGHT_ROLES.includes(role) && !CONTRACTOR_ROLES.includes(role),
);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

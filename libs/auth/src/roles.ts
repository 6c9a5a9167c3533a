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
/** Every other role is staff: it acts by role and jurisdiction. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter(
  (role) => !RELATIONSHIP_ROLES.includes(role) && !OVERSIGHT_ROLES.includes(role),
);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

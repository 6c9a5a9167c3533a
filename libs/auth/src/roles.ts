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
  'system',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = [
  'caseworker',
  'team-leader',
  'judiciary',
  'enforcement-officer',
  'complaints-officer',
  'finance-officer',
  'system',
];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

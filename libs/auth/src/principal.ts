import type { JWTPayload } from 'jose';
export type { Role } from './roles';
export { ORGANISATION_ROLES, ROLES, STAFF_ROLES } from './roles';
import { UnauthenticatedError } from '@ccsc/platform/errors';
import { isRole, ORGANISATION_ROLES, Role, STAFF_ROLES } from './roles';

/** Who is calling, as the services see it. Nothing personal beyond the subject id. */
export interface Principal {
  sub: string;
  roles: Role[];
  /** The solicitor's firm of a professional user; the agency of an enforcement agent. */
  organisationId?: string;
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

export function isStaff(principal: Principal): boolean {
  return hasRole(principal, ...STAFF_ROLES);
}

/**
 * Reads our claims from a verified token: `roles` (or Keycloak's `realm_access.roles`) and `org`.
 * Unknown roles are ignored; a professional or an enforcement agent without an organisation is
 * refused, since every access decision about them depends on it.
 */
export function principalFromClaims(payload: JWTPayload): Principal {
  const realmRoles = (payload.realm_access as { roles?: unknown } | undefined)?.roles;
  const raw = Array.isArray(payload.roles) ? payload.roles : Array.isArray(realmRoles) ? realmRoles : [];
  const roles = raw.filter(isRole);
  if (!payload.sub) throw new UnauthenticatedError('The token has no subject');
  if (roles.length === 0) throw new UnauthenticatedError('The token carries no platform role');
  const org = typeof payload.org === 'string' && payload.org.trim() ? payload.org.trim() : undefined;
  const needsOrg = roles.find((role) => ORGANISATION_ROLES.includes(role));
  if (needsOrg && !org) throw new UnauthenticatedError(`A ${needsOrg} token must name its organisation (org)`);
  return { sub: payload.sub, roles, ...(org ? { organisationId: org } : {}) };
}

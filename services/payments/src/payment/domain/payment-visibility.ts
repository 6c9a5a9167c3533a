import { hasRole, isStaff, type Principal } from '@ccsc/auth/principal';

/**
 * A firm sees its own payments only, on any case it may see, never the other side's firm's (their
 * account, their people). Staff see all; a citizen sees the payments on their own cases.
 */
export function firmMaySee(principal: Principal, payment: { organisationId: string | null }): boolean {
  return isStaff(principal) || !hasRole(principal, 'professional') || payment.organisationId === principal.organisationId;
}

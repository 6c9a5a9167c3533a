import { hasRole, isStaff, type Principal } from '@ccsc/auth/principal';

/**
 * Who sees a payment: staff all of them; otherwise only its payer, which for a firm is the firm
 * (any of its users), for a citizen the citizen who paid. Seeing the case is not enough: the other
 * side of a case sees neither the payments nor where they came from.
 */
export type PaymentScope = { all: true } | { organisationId: string } | { payer: string };

export function paymentScope(principal: Principal): PaymentScope {
  if (isStaff(principal)) return { all: true };
  if (hasRole(principal, 'professional') && principal.organisationId) return { organisationId: principal.organisationId };
  return { payer: principal.sub };
}

export function maySeePayment(principal: Principal, payment: { organisationId: string | null; payer: string }): boolean {
  const scope = paymentScope(principal);
  if ('all' in scope) return true;
  if ('organisationId' in scope) return payment.organisationId === scope.organisationId;
  return payment.payer === scope.payer;
}

/**
 * The provider's payment page (`nextUrl`) is the payer's alone: staff and the payer's colleagues see
 * the payment, not the link into it.
 */
export function asSeenBy<P extends { payer: string; nextUrl: string | null }>(principal: Principal, payment: P): P {
  return payment.payer === principal.sub ? payment : { ...payment, nextUrl: null };
}

import { type AccessScope, accessScopeOf, isOwnedBy } from '@ccsc/auth/access-scope';
import { isStaff, type Principal } from '@ccsc/auth/principal';

/** What says whose a payment is: who paid it, and the firm it was paid for, if any. */
type PaymentOwners = { organisationId: string | null; payer: string };

/**
 * Who sees a payment: staff all of them; otherwise only its payer, which for a firm is the firm
 * (any of its users), for anyone else the user who paid. Seeing the case is not enough: the other
 * side of a case sees neither the payments nor where they came from.
 */
export function paymentScope(principal: Principal): AccessScope {
  const scope = accessScopeOf(principal);
  // Whoever paid sees their own payment even without a citizen's role (a professional with no firm, say).
  return scope.kind === 'none' ? { kind: 'user', userId: principal.sub } : scope;
}

/** In the access scope's terms a payment's owners are the user who paid and the firm it was paid for. */
export function maySeePayment(principal: Principal, payment: PaymentOwners): boolean {
  return isOwnedBy(paymentScope(principal), { userId: payment.payer, organisationId: payment.organisationId });
}

/**
 * The provider's payment page (`nextUrl`) is the payer's alone: staff and the payer's colleagues see
 * the payment, not the link into it.
 */
export function asSeenBy<P extends { payer: string; nextUrl: string | null }>(principal: Principal, payment: P): P {
  return payment.payer === principal.sub ? payment : { ...payment, nextUrl: null };
}

/**
 * The one rule in this service for a user id that says which officer did something to money (the
 * subject of their token: who verified an allocation): staff see it; a payer, citizen or firm, does
 * not, as the cases service names no staff to the parties. Every response field that carries such
 * an id, and may reach a payer, takes it through here.
 */
export function userIdSeenBy(viewer: Principal, userId: string | null): string | null {
  return isStaff(viewer) ? userId : null;
}

/** What a payer reads for an officer where the contract promises a value (`PaymentAllocation.allocatedBy`). */
export const AN_OFFICER = 'officer';

/** The same rule for a field that cannot be null: `system` stays, an officer's id reads `officer`. */
export function actorSeenBy(viewer: Principal, actor: string): string {
  return actor === 'system' ? actor : (userIdSeenBy(viewer, actor) ?? AN_OFFICER);
}

import { assertSecondPerson, NO_PERSON } from '@ccsc/auth/four-eyes';
import { ConflictError } from '@ccsc/platform/errors';
import { normaliseAccountNumber, type PaymentMethod, type RefundStatus } from '@ccsc/contracts';
import type { Allocation } from '../../allocation/domain/allocation';
import { ledgerAccount, transfer } from '../../ledger/domain/ledger';
import { present } from '../../ledger/domain/present';
import type { PaidBy } from '../../payment/domain/payment';

export const REFUND_REASONS = [
  'overpayment',
  'help-with-fees-after-payment',
  'duplicate-payment',
  'complaint-remedy',
  'court-order',
  'enforcement-suspense',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
/** The reasons an officer may give when asking for a refund; suspense is refunded only at enforcement's request. */
export const REQUESTABLE_REFUND_REASONS = REFUND_REASONS.filter((r) => r !== 'enforcement-suspense');
export type RefundKind = 'refund' | 'consolatory-payment';

export interface Refund {
  id: string;
  kind: RefundKind;
  caseId: string | null;
  serviceRequestId: string | null;
  amountPence: number;
  reason: RefundReason;
  status: RefundStatus;
  requestedBy: string;
  decidedBy: string | null;
  note: string | null;
  complaintId: string | null;
  remedyId: string | null;
  /** A complaint remedy's: every case its complaint names, on each of which its approval counts. */
  complaintCaseIds: readonly string[];
  /**
   * A refund of money enforcement held in suspense: the suspense item, the payment it came from and the
   * fine account it was allocated to (as the allocation names it, so the refund leaves that ledger account).
   */
  suspenseId: string | null;
  paymentId: string | null;
  fineAccountNumber: string | null;
  createdAt: Date;
}

type Decision = 'approve' | 'reject' | 'return';

const TO: Record<Decision, RefundStatus> = { approve: 'approved', reject: 'rejected', return: 'returned-for-update' };

/**
 * An approver decides on a refund awaiting approval, and never on one they proposed: a complaint
 * remedy's is proposed by the officer who agreed the remedy. One that names no proposer (raised
 * before remedies carried their officer) can only be returned or rejected, so an officer takes it on.
 */
export function decide(refund: Refund, decision: Decision, approver: string): RefundStatus {
  if (refund.status !== 'awaiting-approval')
    throw new ConflictError(`The refund is ${refund.status}, not awaiting approval`);
  if (decision === 'approve' || refund.requestedBy !== NO_PERSON)
    assertSecondPerson(refund.requestedBy, approver, refund.kind === 'refund' ? 'A refund' : 'A consolatory payment');
  return TO[decision];
}

/**
 * A returned refund is updated by the officer who proposed it (any officer, for one that names no
 * proposer) and goes back for approval.
 */
export function assertCanResubmit(refund: Refund, who: string, amountPence: number): void {
  if (refund.status !== 'returned-for-update')
    throw new ConflictError(`The refund is ${refund.status}; only a returned refund can be updated`);
  if (refund.requestedBy !== who && refund.requestedBy !== NO_PERSON)
    throw new ConflictError('Only the officer who asked for the refund may update it');
  // What another service asked for (a complaint's remedy, enforcement's suspense item) is that service's
  // amount: an update may lower it, never raise it (a returned suspense refund came back for the whole payment).
  if ((refund.remedyId || refund.suspenseId) && amountPence > refund.amountPence)
    throw new ConflictError(
      `${refund.remedyId ? "A complaint remedy's" : 'A suspense refund’s'} amount is ${refund.amountPence} pence, as asked for: an update may lower it, not raise it`,
    );
}

/**
 * A refund never exceeds what was paid less what is owed (the overpayment), except a complaint
 * remedy, which gives back fees that were paid: it is bounded by the net amount paid instead.
 */
export function assertWithinRefundable(amountPence: number, refundablePence: number): void {
  if (amountPence > refundablePence)
    throw new ConflictError(
      `At most ${refundablePence} pence can be refunded here, less than the ${amountPence} pence asked for`,
    );
}

/**
 * What other refunds of the same payment hold against a refund of suspense: every one not rejected (what
 * went to the fine account does not shrink when it is refunded).
 */
export function heldStatuses(refund: Pick<Refund, 'reason'>): RefundStatus[] {
  const undecided: RefundStatus[] = ['awaiting-approval', 'returned-for-update'];
  return refund.reason === 'enforcement-suspense' ? [...undecided, 'approved', 'paid'] : undecided;
}

/** What else holds a case's paid money against a refund of it (each excluding the refund itself). */
export interface RefundHolds {
  /** Complaint remedies that refund (not consolatory payments), not rejected: they give back fees that were paid, from the courts' budget, so the paid money stays on the case. */
  remediesPence: number;
  /** Ordinary refunds not yet decided (approved ones have already left what was paid). */
  undecidedRefundsPence: number;
  /** Verified money on its way out to another target, a transfer awaiting its second officer. */
  inTransferPence: number;
}

/**
 * What this refund may still take. Nothing goes back twice: every refund and remedy together stay within
 * what was paid and is not on its way elsewhere; an ordinary refund also within the overpayment. So a
 * remedy that gave back the fees leaves no overpayment to refund, whichever came first. A consolatory
 * payment (with or without a case) is the courts' own money, not a return: no bound. A refund of suspense is bounded by `suspenseRefundablePence` instead.
 */
export function refundablePence(
  refund: Pick<Refund, 'reason' | 'serviceRequestId' | 'kind'>,
  balance: { paidPence: number; overpaymentPence: number },
  holds: RefundHolds,
): number {
  // A consolatory payment is the courts' money for distress or loss, not money paid coming back: no bound here.
  if (!refund.serviceRequestId || refund.kind === 'consolatory-payment') return Number.MAX_SAFE_INTEGER;
  const fromWhatWasPaid = movablePence(balance.paidPence, holds);
  if (refund.reason === 'complaint-remedy') return fromWhatWasPaid;
  const fromOverpayment = balance.overpaymentPence - holds.inTransferPence - holds.undecidedRefundsPence;
  return Math.max(0, Math.min(fromOverpayment, fromWhatWasPaid));
}

/** An id no refund has: what holds a case's or a payment's money, counted for no refund in particular. */
export const NO_REFUND = '00000000-0000-0000-0000-000000000000';

/**
 * What of a service request's paid money may move elsewhere (a transfer of an allocation into it): what was
 * paid less what is already on its way out, promised to a remedy or to an undecided refund; approved refunds
 * have already left what was paid. Money given back must not also move to another case and be given back there.
 */
export function movablePence(paidPence: number, holds: RefundHolds): number {
  return Math.max(0, paidPence - holds.inTransferPence - holds.remediesPence - holds.undecidedRefundsPence);
}

/**
 * How far a case is from covering a refund of it once a payment into it was taken back: what it gave back
 * beyond what it was paid (`unrecoveredPence`), and for any refund but a complaint remedy (which gives back
 * fees that were paid, whatever is owed now) its fees still owed too. 0 when the money is there.
 */
export function shortOfRefund(
  refund: Pick<Refund, 'reason'>,
  balance: { outstandingPence: number; unrecoveredPence: number },
): number {
  return refund.reason === 'complaint-remedy'
    ? balance.unrecoveredPence
    : balance.outstandingPence + balance.unrecoveredPence;
}

/**
 * Where a payment's money on a fine account came from: its verified allocations to that account,
 * however the number was typed on each side; the account named as the allocation names it (its
 * ledger account), or as asked when none matches.
 */
export function allocatedToFineAccount(
  allocations: readonly Pick<Allocation, 'target' | 'status' | 'fineAccountNumber' | 'amountPence'>[],
  accountNumber: string,
): { fineAccountNumber: string; allocatedPence: number } {
  const wanted = normaliseAccountNumber(accountNumber);
  const matching = allocations.filter(
    (a) =>
      a.target === 'fine-account' &&
      a.status === 'verified' &&
      a.fineAccountNumber !== null &&
      normaliseAccountNumber(a.fineAccountNumber) === wanted,
  );
  return {
    fineAccountNumber: matching[0]?.fineAccountNumber ?? accountNumber,
    allocatedPence: matching.reduce((sum, a) => sum + a.amountPence, 0),
  };
}

/**
 * What a refund of enforcement's suspense may still take: what the payment put on that fine account,
 * never more than the payment itself, less what other refunds of the payment hold; nothing once the
 * payment bounced or was charged back (the money never stayed with the courts).
 */
export function suspenseRefundablePence(
  payment: { amountPence: number; reversed: boolean },
  allocatedPence: number,
  heldPence: number,
): number {
  if (payment.reversed) return 0;
  return Math.max(0, Math.min(payment.amountPence, allocatedPence) - heldPence);
}

/** A payment into a case's fees that a refund of them may go back to, with what of it is still there to give back. */
export interface RefundablePayment extends PaidBy {
  paymentId: string;
  /** Its verified money in the service request, less the refunds already gone back to it. */
  heldPence: number;
}

/**
 * The payment an ordinary refund goes back to: the newest that still holds all of it. A refund goes back
 * to one payer, whose money it is: to the last payer whatever it paid, a firm that paid 1p after another
 * firm's overpayment was sent the other firm's £1,000 (and its account credited past its limit). A refund
 * larger than any one payment holds is refused; it is refunded in parts, one per payment.
 */
export function paymentToRefundTo(payments: readonly RefundablePayment[], amountPence: number): RefundablePayment {
  const found = payments.find((p) => p.heldPence >= amountPence);
  if (found) return found;
  const most = Math.max(0, ...payments.map((p) => p.heldPence));
  throw new ConflictError(
    `No one payment into the case holds ${amountPence} pence to give back: a refund goes back to one payer, so refund at most ${most} pence (what the largest still holds) and the rest separately`,
  );
}

/** Money goes back the way it came: to the card, or the firm's account, else by bank transfer. */
function wayBack(paidBy: PaidBy | undefined): { method: PaymentMethod; from: string } {
  const paidBack = paidBy?.method === 'card' || paidBy?.method === 'payment-by-account';
  const method: PaymentMethod = paidBack ? paidBy.method : 'bank-transfer';
  const byAccount = method === 'payment-by-account';
  return {
    method,
    from: byAccount ? ledgerAccount.firmAccount(present(paidBy?.accountId)) : ledgerAccount.cash(method),
  };
}

/**
 * How an approved refund leaves. An ordinary one goes back to the payment it was approved to go back to
 * (`paymentToRefundTo`) and off the service request; a refund of suspense goes back the way its payment came and off the fine account it
 * was allocated to (the criminal-fines side); a remedy is paid from the courts' budget, so the fees stay paid.
 *
 * @param paidBy how the money being refunded was paid: the refunded payment itself for suspense, else the payment it goes back to
 */
export function refundMovement(refund: Refund, paidBy: PaidBy | undefined) {
  const { amountPence, serviceRequestId, fineAccountNumber } = refund;
  if (fineAccountNumber) {
    const { method, from } = wayBack(paidBy);
    const tags = { refundId: refund.id, method, paymentId: present(refund.paymentId), businessArea: 'criminal-fines' };
    return transfer('refund', from, ledgerAccount.fineAccount(fineAccountNumber), amountPence, tags);
  }
  if (refund.reason === 'complaint-remedy' || !serviceRequestId) {
    const tags = { refundId: refund.id, method: 'bank-transfer', businessArea: 'complaints' } as const;
    return transfer('remedy', ledgerAccount.cash('bank-transfer'), ledgerAccount.remedies, amountPence, tags);
  }
  const { method, from } = wayBack(paidBy);
  return transfer('refund', from, ledgerAccount.serviceRequest(serviceRequestId), amountPence, {
    refundId: refund.id,
    method,
  });
}

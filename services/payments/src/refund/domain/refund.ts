import { assertSecondPerson, NO_PERSON } from '@ccsc/auth/four-eyes';
import { ConflictError } from '@ccsc/platform/errors';
import type { PaymentMethod, RefundStatus } from '@ccsc/contracts';
import { ledgerAccount, transfer } from '../../ledger/domain/ledger';
import { present } from '../../ledger/domain/present';
import type { PaidBy } from '../../payment/domain/payment';

export const REFUND_REASONS = [
  'overpayment',
  'help-with-fees-after-payment',
  'duplicate-payment',
  'complaint-remedy',
  'court-order',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
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
export function assertCanResubmit(refund: Refund, who: string): void {
  if (refund.status !== 'returned-for-update')
    throw new ConflictError(`The refund is ${refund.status}; only a returned refund can be updated`);
  if (refund.requestedBy !== who && refund.requestedBy !== NO_PERSON)
    throw new ConflictError('Only the officer who asked for the refund may update it');
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
 * What other refunds of the same service request and kind hold against this one: for a complaint
 * remedy, every one not rejected (remedies come out of what was paid, and stay out once paid); for an
 * ordinary refund, those still undecided (approved ones are already out of the overpayment).
 */
export function heldStatuses(refund: Pick<Refund, 'reason'>): RefundStatus[] {
  const undecided: RefundStatus[] = ['awaiting-approval', 'returned-for-update'];
  return refund.reason === 'complaint-remedy' ? [...undecided, 'approved', 'paid'] : undecided;
}

/**
 * What this refund may still take: the overpayment for an ordinary refund, the net amount paid for a
 * complaint remedy, less what other refunds hold (`heldStatuses`); without a case, no bound.
 */
export function refundablePence(
  refund: Pick<Refund, 'reason' | 'serviceRequestId'>,
  balance: { paidPence: number; overpaymentPence: number },
  heldPence: number,
): number {
  if (!refund.serviceRequestId) return Number.MAX_SAFE_INTEGER;
  const bound = refund.reason === 'complaint-remedy' ? balance.paidPence : balance.overpaymentPence;
  return Math.max(0, bound - heldPence);
}

/**
 * How an approved refund leaves: an ordinary one goes back the way the money last came (to the card,
 * or the firm's account, else by bank transfer) and off the service request; a remedy is paid from the
 * courts' budget, so the fees stay paid.
 */
export function refundMovement(refund: Refund, lastPaidBy: PaidBy | undefined) {
  const { amountPence, serviceRequestId } = refund;
  if (refund.reason === 'complaint-remedy' || !serviceRequestId) {
    const tags = { refundId: refund.id, method: 'bank-transfer', businessArea: 'complaints' } as const;
    return transfer('remedy', ledgerAccount.cash('bank-transfer'), ledgerAccount.remedies, amountPence, tags);
  }
  const paidBack = lastPaidBy?.method === 'card' || lastPaidBy?.method === 'payment-by-account';
  const method: PaymentMethod = paidBack ? lastPaidBy.method : 'bank-transfer';
  const byAccount = method === 'payment-by-account';
  const from = byAccount ? ledgerAccount.firmAccount(present(lastPaidBy?.accountId)) : ledgerAccount.cash(method);
  const to = ledgerAccount.serviceRequest(serviceRequestId);
  return transfer('refund', from, to, amountPence, { refundId: refund.id, method });
}

import { ConflictError } from '@ccsc/platform/errors';
import type { RefundStatus } from '@ccsc/contracts';

export const REFUND_REASONS = ['overpayment', 'help-with-fees-after-payment', 'duplicate-payment', 'complaint-remedy', 'court-order'] as const;
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
 * An approver decides on a refund awaiting approval, and never on one they asked for themselves.
 * Refunds from complaints are raised by the system, so the officer approving is always a second person.
 */
export function decide(refund: Refund, decision: Decision, approver: string): RefundStatus {
  if (refund.status !== 'awaiting-approval') throw new ConflictError(`The refund is ${refund.status}, not awaiting approval`);
  if (refund.requestedBy === approver) throw new ConflictError('A refund must be approved by someone other than the person who asked for it');
  return TO[decision];
}

/** A returned refund is updated by the officer who asked for it (any officer, for one the system raised from a complaint) and goes back for approval. */
export function assertCanResubmit(refund: Refund, who: string): void {
  if (refund.status !== 'returned-for-update') throw new ConflictError(`The refund is ${refund.status}; only a returned refund can be updated`);
  if (refund.requestedBy !== who && refund.requestedBy !== 'system') throw new ConflictError('Only the officer who asked for the refund may update it');
}

/**
 * A refund never exceeds what was paid less what is owed (the overpayment), except a complaint
 * remedy, which gives back fees that were paid: it is bounded by the net amount paid instead.
 */
export function assertWithinRefundable(amountPence: number, refundablePence: number): void {
  if (amountPence > refundablePence) throw new ConflictError(`At most ${refundablePence} pence can be refunded here, less than the ${amountPence} pence asked for`);
}

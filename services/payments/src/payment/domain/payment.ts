import { ConflictError } from '@ccsc/platform/errors';
import { PAYMENT_METHODS, type PaymentMethod } from '@ccsc/contracts';

export { PAYMENT_METHODS, type PaymentMethod };
export const PAYMENT_STATUSES = ['created', 'pending', 'success', 'failed', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const BULK_SCAN_METHODS = [
  'cheque',
  'postal-order',
  'cash',
  'bank-transfer',
] as const satisfies readonly PaymentMethod[];
export type BulkScanMethod = (typeof BULK_SCAN_METHODS)[number];
export const REVERSAL_REASONS = ['bounced', 'chargeback'] as const;
export type ReversalReason = (typeof REVERSAL_REASONS)[number];

/** How money was paid: the method and, paid by account, the firm's account it came from. */
export interface PaidBy {
  method: PaymentMethod;
  accountId: string | null;
}

/**
 * Money paid, by any method: for a case, a fine account, or (bulk-scanned without either) for an
 * officer to allocate.
 */
export interface Payment {
  id: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amountPence: number;
  caseId: string | null;
  fineAccountNumber: string | null;
  reference: string | null;
  accountId: string | null;
  organisationId: string | null;
  providerReference: string | null;
  nextUrl: string | null;
  payer: string;
  duplicateOf: string | null;
  receivedAt: Date | null;
  reversedAt: Date | null;
  reversalReason: ReversalReason | null;
  createdAt: Date;
  updatedAt: Date;
}

const NEXT: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  created: ['pending', 'success', 'failed', 'cancelled'],
  pending: ['success', 'failed', 'cancelled'],
  success: [],
  failed: [],
  cancelled: [],
};

/** A card payment's status as the provider reports it; a repeated report of where it already is changes nothing. */
export function nextStatus(from: PaymentStatus, to: PaymentStatus): PaymentStatus | 'unchanged' {
  if (from === to) return 'unchanged';
  if (!NEXT[from].includes(to)) throw new ConflictError(`A ${from} payment cannot become ${to}`);
  return to;
}

/**
 * Only money that was received can bounce or be charged back, and only once; a cheque bounces, a
 * card is charged back.
 */
export function assertReversible(
  payment: { status: PaymentStatus; method: PaymentMethod; reversedAt: Date | null },
  reason: ReversalReason,
): void {
  if (payment.status !== 'success')
    throw new ConflictError(`Only a successful payment can be reversed; this one is ${payment.status}`);
  if (payment.reversedAt) throw new ConflictError('The payment has already been reversed');
  const fits =
    reason === 'chargeback'
      ? payment.method === 'card'
      : ['cheque', 'postal-order', 'bank-transfer'].includes(payment.method);
  if (!fits)
    throw new ConflictError(
      reason === 'chargeback' ? 'Only a card payment can be charged back' : `A ${payment.method} payment cannot bounce`,
    );
}

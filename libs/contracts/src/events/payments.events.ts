import {
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
} from 'class-validator';
import { defineEvent } from '../event-type';

// Events the payments service publishes. Amounts are integer pence; no personal data.

export const PAYMENT_METHODS = [
  'card',
  'payment-by-account',
  'cheque',
  'postal-order',
  'cash',
  'bank-transfer',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export class FeesSettledV1 {
  @IsUUID() caseId!: string;
  @IsArray() @ArrayMinSize(1) @Matches(/^FEE\d{4}$/, { each: true }) feeCodes!: string[];
  /** Paid in full, or remitted through Help with Fees. */
  @IsIn(['paid', 'remitted']) settlement!: 'paid' | 'remitted';
}
export const feesSettledV1 = defineEvent('payments', 'fees-settled', 1, FeesSettledV1);

/** Fees reported settled are owed again: the payment that settled them bounced, or a fee was repriced upwards. */
export class FeesReopenedV1 {
  @IsUUID() caseId!: string;
  @IsArray() @ArrayMinSize(1) @Matches(/^FEE\d{4}$/, { each: true }) feeCodes!: string[];
}
export const feesReopenedV1 = defineEvent('payments', 'fees-reopened', 1, FeesReopenedV1);

/** A payment succeeded (card, account, or a bulk-scanned receipt was banked); `caseId` when it came with a usable case reference. */
export class PaymentReceivedV1 {
  @IsUUID() paymentId!: string;
  @IsIn(PAYMENT_METHODS) method!: PaymentMethod;
  @IsInt() @Min(1) amountPence!: number;
  @IsOptional() @IsUUID() caseId?: string;
  @IsDateString() receivedAt!: string;
}
export const paymentReceivedV1 = defineEvent('payments', 'payment-received', 1, PaymentReceivedV1);

/**
 * A payment (or part of it) was allocated and that allocation verified by a second officer, so it
 * now counts. `fineAccountNumber` is enforcement's account number as given with the payment or by the
 * allocating officer: enforcement applies it, or puts it in suspense when the account cannot take it.
 */
export class PaymentAllocatedV1 {
  @IsUUID() paymentId!: string;
  @IsUUID() allocationId!: string;
  @IsIn(['service-request', 'fine-account']) target!: 'service-request' | 'fine-account';
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsString() @Length(1, 32) fineAccountNumber?: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsIn(PAYMENT_METHODS) method!: PaymentMethod;
  @IsDateString() receivedAt!: string;
  @IsDateString() allocatedAt!: string;
}
export const paymentAllocatedV1 = defineEvent('payments', 'payment-allocated', 1, PaymentAllocatedV1);

/** A payment that had counted was taken back: a cheque bounced or a card payment was charged back. */
export class PaymentReversedV1 {
  @IsUUID() paymentId!: string;
  @IsOptional() @IsUUID() allocationId?: string;
  @IsIn(['bounced', 'chargeback']) reason!: 'bounced' | 'chargeback';
  @IsInt() @Min(1) amountPence!: number;
  @IsOptional() @IsIn(['service-request', 'fine-account']) target?: 'service-request' | 'fine-account';
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsString() @Length(1, 32) fineAccountNumber?: string;
  @IsDateString() reversedAt!: string;
}
export const paymentReversedV1 = defineEvent('payments', 'payment-reversed', 1, PaymentReversedV1);

/**
 * A verified allocation was moved on by a second officer's verification of a transfer: its money no
 * longer counts where it was (`target`, `caseId` / `fineAccountNumber`), and a payment-allocated
 * event for `toAllocationId` says where it counts now.
 */
export class AllocationTransferredV1 {
  @IsUUID() paymentId!: string;
  @IsUUID() allocationId!: string;
  @IsUUID() toAllocationId!: string;
  @IsIn(['service-request', 'fine-account']) target!: 'service-request' | 'fine-account';
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsString() @Length(1, 32) fineAccountNumber?: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsDateString() transferredAt!: string;
}
export const allocationTransferredV1 = defineEvent('payments', 'allocation-transferred', 1, AllocationTransferredV1);

export const REFUND_STATUSES = ['awaiting-approval', 'returned-for-update', 'approved', 'rejected', 'paid'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * A refund or remedy payment moved on. `remedyId` names the complaint remedy it was raised for, so
 * complaints can show the remedy's payment status.
 */
export class RefundStatusChangedV1 {
  @IsUUID() refundId!: string;
  @IsIn(REFUND_STATUSES) status!: RefundStatus;
  @IsIn(['refund', 'consolatory-payment']) kind!: 'refund' | 'consolatory-payment';
  @IsInt() @Min(1) amountPence!: number;
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsUUID() complaintId?: string;
  @IsOptional() @IsUUID() remedyId?: string;
  /** The enforcement suspense item the refund returns, when it was raised by `enforcement.suspense-refund-requested.v1`. */
  @IsOptional() @IsUUID() suspenseId?: string;
}
export const refundStatusChangedV1 = defineEvent('payments', 'refund-status-changed', 1, RefundStatusChangedV1);

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

/**
 * An officer recorded an allocation of a payment (or part of it), or a transfer of a verified one, and it
 * now waits for a second officer to verify it; nothing counts yet. Also raised for the allocation a
 * bulk-scanned payment quoting a case reference or fine account number proposes. The queries service's
 * work queue opens a verification task on it, kept away from the envelope's actor (who recorded it);
 * `payments.payment-allocated.v1` (verified) or `payments.allocation-rejected.v1` for the same
 * `allocationId` closes it. Allocations to unidentified money (suspense) are not announced.
 */
export class AllocationRecordedV1 {
  @IsUUID() paymentId!: string;
  @IsUUID() allocationId!: string;
  @IsIn(['service-request', 'fine-account']) target!: 'service-request' | 'fine-account';
  @IsOptional() @IsUUID() caseId?: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsIn(PAYMENT_METHODS) method!: PaymentMethod;
  @IsDateString() allocatedAt!: string;
}
export const allocationRecordedV1 = defineEvent('payments', 'allocation-recorded', 1, AllocationRecordedV1);

/**
 * An allocation that waited for verification will never count: a second officer rejected it, or the
 * payment was reversed (bounced, charged back) while it waited. The queries service's work queue closes
 * the verification task `payments.allocation-recorded.v1` opened for `allocationId`.
 */
export class AllocationRejectedV1 {
  @IsUUID() paymentId!: string;
  @IsUUID() allocationId!: string;
  @IsOptional() @IsUUID() caseId?: string;
}
export const allocationRejectedV1 = defineEvent('payments', 'allocation-rejected', 1, AllocationRejectedV1);

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

/** v1 of a refund's change of status; nothing publishes it any more (v2 adds who proposed the refund). */
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

/**
 * A refund or remedy payment moved on. `remedyId` names the complaint remedy it was raised for, so
 * complaints can show the remedy's payment status. Raised for every status a refund takes, from the
 * first: `awaiting-approval` waits for an approver other than whoever proposed it (the queries service's
 * work queue opens an approval task; any later status closes it), `returned-for-update` for the proposer
 * to change and resubmit it, `approved` for it to be paid out; `rejected` (by an approver, or on
 * arrival) and `paid` are final. v1's fields and `requestedBy`.
 */
export class RefundStatusChangedV2 extends RefundStatusChangedV1 {
  /**
   * The subject who proposed the refund, who may not approve it: whoever asked for it (or last resubmitted
   * it), the officer who agreed a complaint's remedy (`agreedBy`), or the officer who asked for money held
   * in suspense back. The envelope's actor says who made this change, which is `system` when a consumer
   * raised the refund, so the work queue keeps the proposer from approving by this. `system` when nobody
   * in particular proposed it (a remedy agreed in an event naming no officer): nobody may approve it then
   * until an officer takes it on by resubmitting it.
   */
  @IsString() @Length(1, 255) requestedBy!: string;
}
export const refundStatusChangedV2 = defineEvent('payments', 'refund-status-changed', 2, RefundStatusChangedV2);

export const HELP_WITH_FEES_WAITING_FOR = ['decision', 'evidence'] as const;
export type HelpWithFeesWaitingFor = (typeof HELP_WITH_FEES_WAITING_FOR)[number];

/**
 * A Help with Fees application now waits for a member of staff other than whoever applied: to decide it
 * (`decision`), or to check its evidence (`evidence`). Raised when it is made, when a repriced fee sends it
 * (back) to staff, and again whenever it moves from one wait to the other. The queries service's work
 * queue opens (or retitles) a task on it, kept away from the envelope's actor when that is the applicant;
 * `payments.help-with-fees-concluded.v1` closes it. Ids and codes only: nothing about the applicant.
 */
export class HelpWithFeesAwaitingStaffV1 {
  @IsUUID() applicationId!: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @Matches(/^FEE\d{4}$/) feeCode?: string;
  @IsIn(HELP_WITH_FEES_WAITING_FOR) waitingFor!: HelpWithFeesWaitingFor;
}
export const helpWithFeesAwaitingStaffV1 = defineEvent(
  'payments',
  'help-with-fees-awaiting-staff',
  1,
  HelpWithFeesAwaitingStaffV1,
);

export const HELP_WITH_FEES_OUTCOMES = ['decided', 'refused', 'evidence-failed'] as const;
export type HelpWithFeesOutcome = (typeof HELP_WITH_FEES_OUTCOMES)[number];

/**
 * A Help with Fees application that waited for staff no longer does: staff decided it (`decided`: the
 * remission is applied), refused it, or failed its evidence check; or a repriced fee left nothing to
 * remit, so it is `decided` without them. The queries service's work queue closes the task
 * `payments.help-with-fees-awaiting-staff.v1` opened for `applicationId`.
 */
export class HelpWithFeesConcludedV1 {
  @IsUUID() applicationId!: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsIn(HELP_WITH_FEES_OUTCOMES) outcome!: HelpWithFeesOutcome;
}
export const helpWithFeesConcludedV1 = defineEvent('payments', 'help-with-fees-concluded', 1, HelpWithFeesConcludedV1);

/**
 * A fee waiver a complaint's remedy asked for waits for a second person: never `requestedBy`, the officer
 * who agreed the remedy (`system` when the remedy named nobody: then it can only be rejected). The queries
 * service's work queue opens an approval task on it; `payments.fee-waiver-decided.v1` closes it.
 */
export class FeeWaiverRequestedV1 {
  @IsUUID() waiverId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() complaintId!: string;
  @Matches(/^FEE\d{4}$/) feeCode!: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsString() @Length(1, 255) requestedBy!: string;
  /** The complaint's remedy that agreed the waiver (optional: events published before it was added lack it). */
  @IsOptional() @IsUUID() remedyId?: string;
}
export const feeWaiverRequestedV1 = defineEvent('payments', 'fee-waiver-requested', 1, FeeWaiverRequestedV1);

export const FEE_WAIVER_DECISIONS = ['approved', 'rejected'] as const;

/**
 * A second person decided a fee waiver: approved (the fee is remitted by `remittedPence`) or rejected. A waiver
 * of a fee the case does not owe (or no longer owes as much) is rejected as it arrives, with no request before it.
 */
export class FeeWaiverDecidedV1 {
  @IsUUID() waiverId!: string;
  @IsUUID() caseId!: string;
  @IsIn(FEE_WAIVER_DECISIONS) decision!: (typeof FEE_WAIVER_DECISIONS)[number];
  @IsOptional() @IsInt() @Min(1) remittedPence?: number;
  /** The complaint's remedy that agreed the waiver (optional: events published before it was added lack it). */
  @IsOptional() @IsUUID() remedyId?: string;
}
export const feeWaiverDecidedV1 = defineEvent('payments', 'fee-waiver-decided', 1, FeeWaiverDecidedV1);

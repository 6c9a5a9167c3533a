import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { defineEvent } from '../event-type';

// Events the enforcement service publishes. The defendant's details stay in cases and enforcement.

export const FINE_ACCOUNT_TYPES = ['fine', 'fixed-penalty', 'conditional-caution', 'confiscation-order'] as const;
export type FineAccountType = (typeof FINE_ACCOUNT_TYPES)[number];

export class FineAccountOpenedV1 {
  @IsUUID() accountId!: string;
  @IsString() @Length(1, 32) accountNumber!: string;
  @IsIn(FINE_ACCOUNT_TYPES) accountType!: FineAccountType;
  @IsInt() @Min(0) balancePence!: number;
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsUUID() resultId?: string;
}
export const fineAccountOpenedV1 = defineEvent('enforcement', 'fine-account-opened', 1, FineAccountOpenedV1);

/**
 * A fine account number that takes payments: published when the account opens, and once for each account that
 * existed before payments kept its register of numbers, so a card payment to a number that names no account is
 * refused before the payer is sent to the provider.
 */
export class FineAccountRegisteredV1 {
  @IsUUID() accountId!: string;
  @IsString() @Length(1, 32) accountNumber!: string;
}
export const fineAccountRegisteredV1 = defineEvent(
  'enforcement',
  'fine-account-registered',
  1,
  FineAccountRegisteredV1,
);

/** A payment was applied across the account's impositions (a reversal is applied as a negative amount); the balance after it. */
export class FinePaymentAppliedV1 {
  @IsUUID() accountId!: string;
  @IsString() @Length(1, 32) accountNumber!: string;
  @IsUUID() paymentId!: string;
  @IsInt() amountPence!: number;
  @IsInt() @Min(0) balancePence!: number;
  @IsOptional() @IsUUID() caseId?: string;
}
export const finePaymentAppliedV1 = defineEvent('enforcement', 'fine-payment-applied', 1, FinePaymentAppliedV1);

/** A payment, or the part of one, that no account could take (not found, paid, written off, consolidated, transferred, more than owed) is held in suspense. */
export class PaymentSuspendedV1 {
  @IsUUID() paymentId!: string;
  @IsString() @Length(1, 32) accountNumber!: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsIn(['not-found', 'zero-balance', 'overpayment', 'written-off', 'consolidated', 'transferred-out']) reason!: string;
}
export const paymentSuspendedV1 = defineEvent('enforcement', 'payment-suspended', 1, PaymentSuspendedV1);

/**
 * An officer asked for money held in suspense to go back to whoever paid it. Payments raises the refund for a
 * second person to approve (never the officer who asked) and pays it; its `payments.refund-status-changed.v2`
 * names the same `suspenseId`, so a rejected refund puts the item back in suspense and a paid one closes it.
 */
export class SuspenseRefundRequestedV1 {
  @IsUUID() suspenseId!: string;
  @IsUUID() paymentId!: string;
  @IsString() @Length(1, 32) accountNumber!: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsString() @Length(1, 200) requestedBy!: string;
}
export const suspenseRefundRequestedV1 = defineEvent(
  'enforcement',
  'suspense-refund-requested',
  1,
  SuspenseRefundRequestedV1,
);

/** Compensation collected on an account is owed on to its creditor. */
export class CompensationPayableV1 {
  @IsUUID() accountId!: string;
  @IsUUID() impositionId!: string;
  @IsString() @Length(1, 64) creditor!: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsUUID() paymentId!: string;
}
export const compensationPayableV1 = defineEvent('enforcement', 'compensation-payable', 1, CompensationPayableV1);

export class AccountDefaultedV1 {
  @IsUUID() accountId!: string;
  @IsString() @Length(1, 32) accountNumber!: string;
  @IsInt() @Min(1) arrearsPence!: number;
  @IsOptional() @IsUUID() caseId?: string;
}
export const accountDefaultedV1 = defineEvent('enforcement', 'account-defaulted', 1, AccountDefaultedV1);

/** v1 of an enforcement action taken; nothing publishes it any more (v2 adds who took it). */
export class EnforcementActionTakenV1 {
  @IsUUID() accountId!: string;
  @IsUUID() actionId!: string;
  @IsString() @Length(1, 64) action!: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsDateString() takenAt!: string;
}
export const enforcementActionTakenV1 = defineEvent(
  'enforcement',
  'enforcement-action-taken',
  1,
  EnforcementActionTakenV1,
);

export const ENFORCEMENT_ACTION_TAKERS = ['officer', 'default-run'] as const;
export type EnforcementActionTaker = (typeof ENFORCEMENT_ACTION_TAKERS)[number];

/** An enforcement action was taken on a fine account: v1's fields and who took it. */
export class EnforcementActionTakenV2 extends EnforcementActionTakenV1 {
  /**
   * `officer` when an officer took it on the account, `default-run` when the default run did, on its own
   * path. The envelope's actor cannot tell: an officer may start the run too. The work queue (queries)
   * completes the task of reviewing a defaulted account only when an officer acts on it.
   */
  @IsIn(ENFORCEMENT_ACTION_TAKERS) takenBy!: EnforcementActionTaker;
}
export const enforcementActionTakenV2 = defineEvent(
  'enforcement',
  'enforcement-action-taken',
  2,
  EnforcementActionTakenV2,
);

/**
 * An officer asked for a write-off of part or all of an account's balance (`reason` is the reason code, as in
 * `enforcement.write-off-approved.v1`). It now waits for a second officer, never the one who asked (the envelope's
 * `actor`), to approve or reject it: the work queue (queries) opens an approval task for it, and closes the task on
 * `enforcement.write-off-approved.v1` or `enforcement.write-off-rejected.v1` naming the same `writeOffId`.
 */
export class WriteOffRequestedV1 {
  @IsUUID() accountId!: string;
  @IsUUID() writeOffId!: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsString() @Length(1, 32) reason!: string;
  @IsOptional() @IsUUID() caseId?: string;
}
export const writeOffRequestedV1 = defineEvent('enforcement', 'write-off-requested', 1, WriteOffRequestedV1);

/**
 * A second officer rejected a requested write-off: nothing is written off, and the request is decided. The work
 * queue (queries) closes the write-off's approval task, as it does on `enforcement.write-off-approved.v1`.
 */
export class WriteOffRejectedV1 {
  @IsUUID() accountId!: string;
  @IsUUID() writeOffId!: string;
}
export const writeOffRejectedV1 = defineEvent('enforcement', 'write-off-rejected', 1, WriteOffRejectedV1);

/** A write-off was approved by a second officer; the balance after it. */
export class WriteOffApprovedV1 {
  @IsUUID() accountId!: string;
  @IsUUID() writeOffId!: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsString() @Length(1, 32) reason!: string;
  @IsInt() @Min(0) balancePence!: number;
}
export const writeOffApprovedV1 = defineEvent('enforcement', 'write-off-approved', 1, WriteOffApprovedV1);

/** An account's payment terms changed; `version` counts the changes, and the reason stays in enforcement. */
export class PaymentTermsVariedV1 {
  @IsUUID() accountId!: string;
  @IsInt() @Min(1) version!: number;
  @IsIn(['pay-by-date', 'instalments']) kind!: string;
  @IsOptional() @IsUUID() caseId?: string;
}
export const paymentTermsVariedV1 = defineEvent('enforcement', 'payment-terms-varied', 1, PaymentTermsVariedV1);

/** A warrant moved on; an executed warrant's collection arrives as a fine-payment-applied. */
export class WarrantStatusChangedV1 {
  @IsUUID() accountId!: string;
  @IsUUID() warrantId!: string;
  @IsIn(['issued', 'with-agent', 'executed', 'returned-unexecuted', 'withdrawn', 'expired']) status!: string;
}
export const warrantStatusChangedV1 = defineEvent('enforcement', 'warrant-status-changed', 1, WarrantStatusChangedV1);

/** Several accounts of one defendant were consolidated into one; what they still owed is now owed on it. */
export class FineAccountsConsolidatedV1 {
  @IsUUID() accountId!: string;
  @IsUUID('all', { each: true }) consolidatedAccountIds!: string[];
  @IsInt() @Min(0) balancePence!: number;
}
export const fineAccountsConsolidatedV1 = defineEvent(
  'enforcement',
  'fine-accounts-consolidated',
  1,
  FineAccountsConsolidatedV1,
);

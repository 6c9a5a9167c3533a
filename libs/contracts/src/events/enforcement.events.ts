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

/** A payment was applied across the account's impositions; the balance after it. */
export class FinePaymentAppliedV1 {
  @IsUUID() accountId!: string;
  @IsString() @Length(1, 32) accountNumber!: string;
  @IsUUID() paymentId!: string;
  @IsInt() amountPence!: number;
  @IsInt() @Min(0) balancePence!: number;
  @IsOptional() @IsUUID() caseId?: string;
}
export const finePaymentAppliedV1 = defineEvent('enforcement', 'fine-payment-applied', 1, FinePaymentAppliedV1);

/** A payment that no account could take (not found, paid, written off, consolidated, transferred) is held in suspense. */
export class PaymentSuspendedV1 {
  @IsUUID() paymentId!: string;
  @IsString() @Length(1, 32) accountNumber!: string;
  @IsInt() @Min(1) amountPence!: number;
  @IsIn(['not-found', 'zero-balance', 'written-off', 'consolidated', 'transferred-out']) reason!: string;
}
export const paymentSuspendedV1 = defineEvent('enforcement', 'payment-suspended', 1, PaymentSuspendedV1);

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

export class EnforcementActionTakenV1 {
  @IsUUID() accountId!: string;
  @IsUUID() actionId!: string;
  @IsString() @Length(1, 64) action!: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsDateString() takenAt!: string;
}
export const enforcementActionTakenV1 = defineEvent('enforcement', 'enforcement-action-taken', 1, EnforcementActionTakenV1);

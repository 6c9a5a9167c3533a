import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, Min } from 'class-validator';
import { isValidAccountNumber, normaliseAccountNumber } from '@ccsc/contracts';
import { BadUserInputError, MAX_PENCE } from '@ccsc/platform';
import { PBA_NUMBER, PENCE } from '../../api-descriptions';
import { InputType } from '../../payments.graphql';
import { BULK_SCAN_METHODS, BulkScanMethod, REVERSAL_REASONS, ReversalReason } from '../domain/payment';
import { ACCOUNT_STATUSES, AccountStatus } from '../domain/payment-account';

// One set of classes serves REST bodies, GraphQL inputs (path parameters are arguments of their own)
// and OpenAPI. Vocabularies are strings, not GraphQL enums, because their values contain hyphens.

const ACCOUNT_NUMBER = /^PBA\d{7}$/;
const ACCOUNT_NUMBER_MESSAGE = 'accountNumber must be PBA followed by seven digits';
const PAY_FROM = `${PBA_NUMBER} Your firm's own account, active and with enough credit left.`;
const PAY_AMOUNT = `What to pay; by default all that is outstanding on the case (refused when nothing is). More than is owed is taken and recorded as overpayment. ${PENCE}`;
const RETURN_URL =
  "Where the provider sends the payer back to once they have finished: an https address on one of the service's own pages (the deployment's CARD_RETURN_ORIGINS).";
const BULK_AMOUNT = `The amount banked. ${PENCE}`;
const NEW_ACCOUNT_NUMBER = `${PBA_NUMBER} Must not be in use already.`;
const ORGANISATION =
  "The firm's organisation id, as the identity provider's `org` claim names it: the firm's users pay from the account.";
const ACCOUNT_NAME = 'The name the account is known by, usually the firm’s, up to 200 characters.';
const CHANGE_STATUS =
  '`active` (reactivates it), `on-hold` (payments from it are refused until it is reactivated) or `deleted` (closes it for good: a closed account cannot be changed again).';
const REVERSAL_REASON =
  '`bounced` (a cheque, postal order or bank transfer that did not clear; not for card or cash) or `chargeback` (a card payment the cardholder disputed; card only).';
const NEW_CREDIT_LIMIT = `The new credit limit. Lower (even below what the firm owes, which stops further payments) it holds at once; higher, it waits for a second person's decision (\`proposedCreditLimitPence\`). ${PENCE}`;
const DECIDED_LIMIT = `The higher limit being decided, as the approver read it (\`proposedCreditLimitPence\`): refused (409) if the one waiting is another, so nobody approves an amount changed after they looked. ${PENCE}`;
const OPENING_CREDIT_LIMIT = `The credit asked for: the account opens with none in force, and this waits for a second person's decision (\`proposedCreditLimitPence\`). ${PENCE}`;

@InputType('PayFeesByAccountInput', { description: "A payment of a case's fees from a firm's account." })
export class PayByAccountBody {
  @Field({ description: PAY_FROM })
  @ApiProperty({ example: 'PBA0012345', pattern: ACCOUNT_NUMBER.source, description: PAY_FROM })
  @Matches(ACCOUNT_NUMBER, { message: ACCOUNT_NUMBER_MESSAGE })
  accountNumber!: string;
  @Field(() => Int, { nullable: true, description: PAY_AMOUNT })
  @ApiPropertyOptional({ description: PAY_AMOUNT, example: 45500 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;
}

@InputType('StartCardPaymentInput', { description: "A card payment of a case's fees." })
export class CardPaymentBody {
  @Field(() => Int, { nullable: true, description: PAY_AMOUNT })
  @ApiPropertyOptional({ description: PAY_AMOUNT, example: 45500 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;
  @Field({ description: RETURN_URL })
  @ApiProperty({ example: 'https://www.example.gov.uk/claims/return', description: RETURN_URL })
  @IsUrl({ protocols: ['https'], require_tld: false, require_protocol: true })
  returnUrl!: string;
}

@InputType('StartFineAccountCardPaymentInput', { description: 'A card payment towards a fine account.' })
export class FineAccountCardPaymentBody {
  @Field(() => Int, { description: `What to pay towards the fine account. ${PENCE}` })
  @ApiProperty({ description: `What to pay towards the fine account. ${PENCE}`, example: 10000 })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
  @Field({ description: RETURN_URL })
  @ApiProperty({ example: 'https://www.example.gov.uk/fines/return', description: RETURN_URL })
  @IsUrl({ protocols: ['https'], require_tld: false, require_protocol: true })
  returnUrl!: string;
}

@InputType('RecordBulkScanPaymentInput', { description: 'A banked payment from bulk scanning.' })
export class BulkScanBody {
  @Field(() => String, { description: `How it was paid: ${BULK_SCAN_METHODS.map((m) => `\`${m}\``).join(', ')}.` })
  @ApiProperty({ enum: BULK_SCAN_METHODS, description: 'How it was paid.' })
  @IsIn(BULK_SCAN_METHODS)
  method!: BulkScanMethod;
  @Field(() => Int, { description: BULK_AMOUNT })
  @ApiProperty({ description: BULK_AMOUNT, example: 45500 })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
  @Field({ nullable: true, description: 'The 16-digit case reference on the slip, dashes allowed.' })
  @ApiPropertyOptional({
    description: 'The 16-digit case reference on the slip, dashes allowed.',
    example: '1234-5678-9012-3452',
  })
  @IsOptional()
  @Matches(/^\d{4}-?\d{4}-?\d{4}-?\d{4}$/)
  caseReference?: string;
  @Field({ nullable: true, description: 'A fine account number on the slip: the payment goes to that fine account.' })
  @ApiPropertyOptional({
    description: 'A fine account number on the slip: the payment goes to that fine account.',
    example: 'FA00012345E',
  })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  fineAccountNumber?: string;
  @Field({ nullable: true, description: 'Whatever else was written on it, as scanned.' })
  @ApiPropertyOptional({ description: 'Whatever else was written on it, as scanned.', example: 'J SMITH CLAIM FEE' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reference?: string;
}

@InputType('ReversePaymentInput', { description: 'Why a payment is taken back.' })
export class ReversalBody {
  @Field(() => String, { description: REVERSAL_REASON })
  @ApiProperty({ enum: REVERSAL_REASONS, description: REVERSAL_REASON })
  @IsIn(REVERSAL_REASONS)
  reason!: ReversalReason;
}

@InputType('OpenPaymentAccountInput', { description: "A firm's new payment-by-account." })
export class OpenAccountBody {
  @Field({ description: NEW_ACCOUNT_NUMBER })
  @ApiProperty({ example: 'PBA0012345', description: NEW_ACCOUNT_NUMBER })
  @Matches(ACCOUNT_NUMBER, { message: ACCOUNT_NUMBER_MESSAGE })
  accountNumber!: string;
  @Field({ description: ORGANISATION })
  @ApiProperty({ description: ORGANISATION, example: 'org-smith-and-co' })
  @IsString()
  @Length(1, 64)
  organisationId!: string;
  @Field({ description: ACCOUNT_NAME })
  @ApiProperty({ description: ACCOUNT_NAME, example: 'Smith & Co Solicitors LLP' })
  @IsString()
  @Length(1, 200)
  name!: string;
  @Field(() => Int, { description: OPENING_CREDIT_LIMIT })
  @ApiProperty({ description: OPENING_CREDIT_LIMIT, example: 5000000 })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  creditLimitPence!: number;
}

@InputType('ChangePaymentAccountInput', { description: 'What changes on a payment account; omitted fields stay.' })
export class ChangeAccountBody {
  @Field(() => String, { nullable: true, description: CHANGE_STATUS })
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES, description: CHANGE_STATUS })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;
  @Field(() => Int, { nullable: true, description: NEW_CREDIT_LIMIT })
  @ApiPropertyOptional({ description: NEW_CREDIT_LIMIT, example: 7500000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  creditLimitPence?: number;
}

@InputType('PaymentAccountCreditLimitDecisionInput', {
  description: "A second person's decision on the higher credit limit waiting on a firm's account.",
})
export class CreditLimitDecisionBody {
  @Field({ description: 'true puts the higher limit in force; false rejects it, keeping the limit as it is.' })
  @ApiProperty({ description: 'true puts the higher limit in force; false rejects it, keeping the limit as it is.' })
  @IsBoolean()
  approve!: boolean;
  @Field(() => Int, { description: DECIDED_LIMIT })
  @ApiProperty({ description: DECIDED_LIMIT, example: 7500000 })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  creditLimitPence!: number;
}

@InputType('CorrectClaimAmountInput', { description: 'The amount claimed, which a ranged fee is priced for.' })
export class ClaimAmountBody {
  @Field(() => Int, { description: `The amount claimed: the ranged fee is priced for it. ${PENCE}` })
  @ApiProperty({ description: `The amount claimed: the ranged fee is priced for it. ${PENCE}`, example: 750000 })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  claimAmountPence!: number;
}

/**
 * A fine account number as a payer quotes it, normalised; refused before the payer is sent to the
 * provider: a mistyped number (any wrong digit, any two neighbouring digits swapped) fails its check
 * letter, and the money would otherwise sit in suspense.
 */
export function fineAccountNumber(value: string): string {
  if (!isValidAccountNumber(value)) {
    const problem = {
      field: 'accountNumber',
      message: 'must be a fine account number: FA, eight digits and the check letter on the notice',
    };
    throw new BadUserInputError('Not a fine account number', [problem]);
  }
  return normaliseAccountNumber(value);
}

/** A firm's payment account number, refused unless it is one (PBA and seven digits). */
export function paymentAccountNumber(value: string): string {
  if (!ACCOUNT_NUMBER.test(value)) {
    throw new BadUserInputError('Not a payment account number', [
      { field: 'accountNumber', message: 'must be PBA followed by seven digits' },
    ]);
  }
  return value;
}

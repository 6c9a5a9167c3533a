import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, Min } from 'class-validator';
import { isValidAccountNumber, normaliseAccountNumber } from '@ccsc/contracts';
import { BadUserInputError, MAX_PENCE } from '@ccsc/platform';
import { InputType } from '../../payments.graphql';
import { BULK_SCAN_METHODS, BulkScanMethod, REVERSAL_REASONS, ReversalReason } from '../domain/payment';
import { ACCOUNT_STATUSES, AccountStatus } from '../domain/payment-account';

// One set of classes serves REST bodies, GraphQL inputs (path parameters are arguments of their own)
// and OpenAPI. Vocabularies are strings, not GraphQL enums, because their values contain hyphens.

const ACCOUNT_NUMBER = /^PBA\d{7}$/;
const ACCOUNT_NUMBER_MESSAGE = 'accountNumber must be PBA followed by seven digits';

@InputType('PayFeesByAccountInput', { description: "A payment of a case's fees from a firm's account." })
export class PayByAccountBody {
  @Field()
  @ApiProperty({ example: 'PBA0012345', pattern: ACCOUNT_NUMBER.source })
  @Matches(ACCOUNT_NUMBER, { message: ACCOUNT_NUMBER_MESSAGE })
  accountNumber!: string;
  @Field(() => Int, { nullable: true, description: 'Defaults to what is outstanding.' })
  @ApiPropertyOptional({ description: 'Defaults to what is outstanding.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;
}

@InputType('StartCardPaymentInput', { description: "A card payment of a case's fees." })
export class CardPaymentBody {
  @Field(() => Int, { nullable: true, description: 'Defaults to what is outstanding.' })
  @ApiPropertyOptional({ description: 'Defaults to what is outstanding.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;
  @Field({ description: 'Where the provider sends the payer back to (https).' })
  @ApiProperty({ example: 'https://www.example.gov.uk/claims/return' })
  @IsUrl({ protocols: ['https'], require_tld: false, require_protocol: true })
  returnUrl!: string;
}

@InputType('StartFineAccountCardPaymentInput', { description: 'A card payment towards a fine account.' })
export class FineAccountCardPaymentBody {
  @Field(() => Int, { description: 'What to pay towards the fine account, in pence.' })
  @ApiProperty({ description: 'What to pay towards the fine account, in pence.' })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
  @Field({ description: 'Where the provider sends the payer back to (https).' })
  @ApiProperty({ example: 'https://www.example.gov.uk/fines/return' })
  @IsUrl({ protocols: ['https'], require_tld: false, require_protocol: true })
  returnUrl!: string;
}

@InputType('RecordBulkScanPaymentInput', { description: 'A banked payment from bulk scanning.' })
export class BulkScanBody {
  @Field(() => String, { description: BULK_SCAN_METHODS.join(', ') })
  @ApiProperty({ enum: BULK_SCAN_METHODS })
  @IsIn(BULK_SCAN_METHODS)
  method!: BulkScanMethod;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @Field({ nullable: true, description: 'The 16-digit case reference on the slip, dashes allowed.' })
  @ApiPropertyOptional({ description: 'The 16-digit case reference on the slip, dashes allowed.' })
  @IsOptional()
  @Matches(/^\d{4}-?\d{4}-?\d{4}-?\d{4}$/)
  caseReference?: string;
  @Field({ nullable: true, description: 'A fine account number on the slip: the payment goes to that fine account.' })
  @ApiPropertyOptional({ description: 'A fine account number on the slip: the payment goes to that fine account.' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  fineAccountNumber?: string;
  @Field({ nullable: true, description: 'Whatever else was written on it, as scanned.' })
  @ApiPropertyOptional({ description: 'Whatever else was written on it, as scanned.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reference?: string;
}

@InputType('ReversePaymentInput', { description: 'Why a payment is taken back.' })
export class ReversalBody {
  @Field(() => String, { description: REVERSAL_REASONS.join(', ') })
  @ApiProperty({ enum: REVERSAL_REASONS })
  @IsIn(REVERSAL_REASONS)
  reason!: ReversalReason;
}

@InputType('OpenPaymentAccountInput', { description: "A firm's new payment-by-account." })
export class OpenAccountBody {
  @Field()
  @ApiProperty({ example: 'PBA0012345' })
  @Matches(ACCOUNT_NUMBER, { message: ACCOUNT_NUMBER_MESSAGE })
  accountNumber!: string;
  @Field() @ApiProperty() @IsString() @Length(1, 64) organisationId!: string;
  @Field() @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) creditLimitPence!: number;
}

@InputType('ChangePaymentAccountInput', { description: 'What changes on a payment account; omitted fields stay.' })
export class ChangeAccountBody {
  @Field(() => String, { nullable: true, description: ACCOUNT_STATUSES.join(', ') })
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  creditLimitPence?: number;
}

@InputType('CorrectClaimAmountInput', { description: 'The amount claimed, which a ranged fee is priced for.' })
export class ClaimAmountBody {
  @Field(() => Int, { description: 'The amount claimed, in pence: the ranged fee is priced for it.' })
  @ApiProperty({ description: 'The amount claimed, in pence: the ranged fee is priced for it.' })
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

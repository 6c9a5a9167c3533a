import { Field, Int } from '@nestjs/graphql';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDay, MAX_PENCE, PageParams, QueryInteger } from '@ccsc/platform';
import { LOCAL_DAY, PAYMENT_METHOD, PENCE } from '../../api-descriptions';
import { PAYMENT_METHODS } from '../../payment/domain/payment';
import { InputType } from '../../payments.graphql';
import type { PaymentSearchCriteria } from '../domain/payment-search-criteria';

// Only types and lengths are checked here; what a value means (a known method, a long enough name, an
// amount above nothing, days in order) is checked by toSearchFilter, so GraphQL and REST refuse the
// same things with the same field errors.

const REFERENCE =
  "The payment's reference, whole, in any case (spaces around it ignored): what was written on a bulk-scanned slip, or the case reference it quoted, as recorded.";
const PAYER =
  "Part of the payer's name, in any case: \"smith co\" finds Smith & Co Solicitors LLP. Every word must occur in that one name, and one word must have at least 3 characters; at most 6 words. The payer's name is that of the firm's payment account the money came from: card and bulk-scanned payments (cheque, postal order, cash, bank transfer) record no payer's name, so a search by payer finds payments by account only.";
const AMOUNT = `Exactly this amount, more than 0. ${PENCE}`;
const METHOD = `Paid this way: ${PAYMENT_METHOD}`;
const RECEIVED_FROM = `Received on this day or later. ${LOCAL_DAY} Money not received (a card payment not yet paid, failed or cancelled) is not found by a day.`;
const RECEIVED_TO = `Received on this day or earlier, the whole day included. ${LOCAL_DAY} Not before \`receivedFrom\`.`;

@InputType({
  description: 'What to search payments by. Give at least one criterion; a payment must match all of them.',
})
export class PaymentSearchInput implements PaymentSearchCriteria {
  @Field({ nullable: true, description: REFERENCE })
  @ApiPropertyOptional({ description: REFERENCE, example: 'J SMITH CLAIM FEE' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;

  @Field({ nullable: true, description: PAYER })
  @ApiPropertyOptional({ description: PAYER, example: 'smith co' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  payer?: string;

  @Field(() => Int, { nullable: true, description: AMOUNT })
  @ApiPropertyOptional({ description: AMOUNT, example: 4500, type: 'integer', minimum: 1, maximum: MAX_PENCE })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  amountPence?: number;

  @Field({ nullable: true, description: METHOD })
  @ApiPropertyOptional({ enum: PAYMENT_METHODS, description: METHOD, example: 'cheque' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  method?: string;

  @Field({ nullable: true, description: RECEIVED_FROM })
  @ApiPropertyOptional({ description: RECEIVED_FROM, example: '2027-03-01', format: 'date' })
  @IsOptional()
  @IsLocalDay()
  receivedFrom?: string;

  @Field({ nullable: true, description: RECEIVED_TO })
  @ApiPropertyOptional({ description: RECEIVED_TO, example: '2027-03-31', format: 'date' })
  @IsOptional()
  @IsLocalDay()
  receivedTo?: string;
}

/** REST query string of GET /api/v1/payments/payments/search. */
export class SearchPaymentsParams extends IntersectionType(PaymentSearchInput, PageParams) {}

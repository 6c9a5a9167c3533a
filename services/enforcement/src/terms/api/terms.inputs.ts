import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsLocalDay, MAX_PENCE, NestedInput } from '@ccsc/platform';
import { FREQUENCIES, Frequency, PaymentTerms } from '../domain/payment-terms';
import { InputType } from '../../enforcement.graphql';

const KIND =
  '`pay-by-date` (give payBy) or `instalments` (give frequency, instalmentPence and firstInstalment, and optionally lumpSumPence with lumpSumDue). The fields of the other kind are ignored.';
const PAY_BY =
  'For pay-by-date: the day by which everything must be paid, YYYY-MM-DD: today (London) or later, within three years.';
const FREQUENCY = 'For instalments: `weekly`, `fortnightly` or `monthly`.';
const INSTALMENT =
  'For instalments: each instalment, in pence: at most what is owed, and enough to clear it in ten years (522 weekly, 261 fortnightly or 120 monthly instalments).';
const FIRST_INSTALMENT =
  'For instalments: the day the first instalment is due, YYYY-MM-DD: today (London) or later, within three years.';
const LUMP_SUM =
  'For instalments, optionally: a lump sum to pay first, in pence, at most what is owed; give lumpSumDue with it.';
const LUMP_SUM_DUE =
  'The day the lump sum is due, YYYY-MM-DD, from today (London) to the first instalment; only with lumpSumPence.';

@InputType('FinePaymentTermsInput', {
  description:
    'Payment terms as an officer sets them: pay in full by a date, or instalments with an optional lump sum.',
})
export class PaymentTermsInput {
  @Field(() => String, { description: KIND })
  @ApiProperty({ enum: ['pay-by-date', 'instalments'], description: KIND, example: 'instalments' })
  @IsIn(['pay-by-date', 'instalments'])
  kind!: 'pay-by-date' | 'instalments';
  @Field({ nullable: true, description: PAY_BY })
  @ApiPropertyOptional({ description: PAY_BY })
  @IsOptional()
  @IsLocalDay()
  payBy?: string;
  @Field(() => String, { nullable: true, description: FREQUENCY })
  @ApiPropertyOptional({ enum: FREQUENCIES, description: FREQUENCY })
  @IsOptional()
  @IsIn(FREQUENCIES)
  frequency?: Frequency;
  @Field(() => Int, { nullable: true, description: INSTALMENT })
  @ApiPropertyOptional({ example: 1000, description: INSTALMENT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  instalmentPence?: number;
  @Field({ nullable: true, description: FIRST_INSTALMENT })
  @ApiPropertyOptional({ example: '2027-01-08', description: FIRST_INSTALMENT })
  @IsOptional()
  @IsLocalDay()
  firstInstalment?: string;
  @Field(() => Int, { nullable: true, description: LUMP_SUM })
  @ApiPropertyOptional({ example: 5000, description: LUMP_SUM })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  lumpSumPence?: number;
  @Field({ nullable: true, description: LUMP_SUM_DUE })
  @ApiPropertyOptional({ example: '2027-01-01', description: LUMP_SUM_DUE })
  @IsOptional()
  @IsLocalDay()
  lumpSumDue?: string;
}

/** The terms as the domain knows them; what is missing for their kind is reported by checkTerms. */
export function termsFrom(input: PaymentTermsInput): PaymentTerms {
  if (input.kind === 'pay-by-date') return { kind: 'pay-by-date', payBy: input.payBy ?? '' };
  return {
    kind: 'instalments',
    frequency: input.frequency as Frequency,
    instalmentPence: input.instalmentPence ?? 0,
    firstInstalment: input.firstInstalment ?? '',
    ...(input.lumpSumPence !== undefined ? { lumpSumPence: input.lumpSumPence } : {}),
    ...(input.lumpSumDue !== undefined ? { lumpSumDue: input.lumpSumDue } : {}),
  };
}

const REASON = 'Why the terms change, kept in their history: 1 to 500 characters, not only spaces.';

@InputType('VaryFineTermsInput', { description: 'New payment terms for a live account, and why.' })
export class VaryTermsBody {
  @Field(() => PaymentTermsInput, { description: 'The new terms.' })
  @ApiProperty({ type: PaymentTermsInput })
  @NestedInput(() => PaymentTermsInput)
  terms!: PaymentTermsInput;
  @Field({ description: REASON })
  @ApiProperty({ example: 'Defendant lost their job; means reassessed', description: REASON })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

const WEEKLY_INCOME = "The defendant's income, in pence a week (a whole number, 0 or more).";
const WEEKLY_OUTGOINGS = 'Their outgoings, in pence a week (a whole number, 0 or more).';
const DEPENDANTS =
  'How many dependants they keep, 0 to 30: £30 a week is allowed for each before anything goes to the account.';
const ASSESSED_FREQUENCY =
  'How often the proposed instalments fall due: `weekly` (when not given), `fortnightly` or `monthly`.';

@InputType('FineMeansAssessmentInput', {
  description: "A defendant's means as a means interview found them, to propose terms they can afford.",
})
export class MeansAssessmentBody {
  @Field(() => Int, { description: WEEKLY_INCOME })
  @ApiProperty({ example: 32000, description: WEEKLY_INCOME })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  weeklyIncomePence!: number;
  @Field(() => Int, { description: WEEKLY_OUTGOINGS })
  @ApiProperty({ example: 24000, description: WEEKLY_OUTGOINGS })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  weeklyOutgoingsPence!: number;
  @Field(() => Int, { description: DEPENDANTS })
  @ApiProperty({ example: 1, description: DEPENDANTS })
  @IsInt()
  @Min(0)
  @Max(30)
  dependants!: number;
  @Field(() => String, { nullable: true, description: ASSESSED_FREQUENCY })
  @ApiPropertyOptional({ enum: FREQUENCIES, description: ASSESSED_FREQUENCY })
  @IsOptional()
  @IsIn(FREQUENCIES)
  frequency?: Frequency;
}

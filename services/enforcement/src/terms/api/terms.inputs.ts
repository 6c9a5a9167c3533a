import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsLocalDay, MAX_PENCE } from '@ccsc/platform';
import { FREQUENCIES, Frequency, PaymentTerms } from '../domain/payment-terms';
import { InputType } from '../../enforcement.graphql';

@InputType('FinePaymentTermsInput')
export class PaymentTermsInput {
  @Field(() => String)
  @ApiProperty({ enum: ['pay-by-date', 'instalments'] })
  @IsIn(['pay-by-date', 'instalments'])
  kind!: 'pay-by-date' | 'instalments';
  @Field({ nullable: true }) @ApiPropertyOptional({ example: '2026-03-01' }) @IsOptional() @IsLocalDay() payBy?: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ enum: FREQUENCIES })
  @IsOptional()
  @IsIn(FREQUENCIES)
  frequency?: Frequency;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  instalmentPence?: number;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsLocalDay() firstInstalment?: string;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  lumpSumPence?: number;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsLocalDay() lumpSumDue?: string;
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

@InputType('VaryFineTermsInput')
export class VaryTermsBody {
  @Field(() => PaymentTermsInput)
  @ApiProperty({ type: PaymentTermsInput })
  @ValidateNested()
  @Type(() => PaymentTermsInput)
  terms!: PaymentTermsInput;
  @Field()
  @ApiProperty({ example: 'Defendant lost their job; means reassessed' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

@InputType('FineMeansAssessmentInput')
export class MeansAssessmentBody {
  @Field(() => Int) @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) weeklyIncomePence!: number;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) weeklyOutgoingsPence!: number;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(0) @Max(30) dependants!: number;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ enum: FREQUENCIES })
  @IsOptional()
  @IsIn(FREQUENCIES)
  frequency?: Frequency;
}

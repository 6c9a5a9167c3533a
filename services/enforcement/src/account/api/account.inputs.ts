import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsLocalDay, MAX_PENCE, PageParams } from '@ccsc/platform';
import { FREQUENCIES, Frequency, PaymentTerms } from '../../terms/domain/payment-terms';
import { ACTION_IDS } from '../../action/domain/enforcement-actions';
import { WRITE_OFF_REASONS } from '../../write-off/domain/write-off';
import { WARRANT_STATUSES, WarrantStatus } from '../../warrant/domain/warrant';
import { InputType } from '../../enforcement.graphql';


@InputType('FinePaymentTermsInput')
export class PaymentTermsInput {
  @Field(() => String) @ApiProperty({ enum: ['pay-by-date', 'instalments'] }) @IsIn(['pay-by-date', 'instalments']) kind!: 'pay-by-date' | 'instalments';
  @Field({ nullable: true }) @ApiPropertyOptional({ example: '2026-03-01' }) @IsOptional() @IsLocalDay() payBy?: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ enum: FREQUENCIES }) @IsOptional() @IsIn(FREQUENCIES) frequency?: Frequency;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_PENCE) instalmentPence?: number;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsLocalDay() firstInstalment?: string;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_PENCE) lumpSumPence?: number;
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
  @Field(() => PaymentTermsInput) @ApiProperty({ type: PaymentTermsInput }) @ValidateNested() @Type(() => PaymentTermsInput) terms!: PaymentTermsInput;
  @Field() @ApiProperty({ example: 'Defendant lost their job; means reassessed' }) @IsString() @Length(1, 500) reason!: string;
}

@InputType('FineMeansAssessmentInput')
export class MeansAssessmentBody {
  @Field(() => Int) @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) weeklyIncomePence!: number;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) weeklyOutgoingsPence!: number;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(0) @Max(30) dependants!: number;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ enum: FREQUENCIES }) @IsOptional() @IsIn(FREQUENCIES) frequency?: Frequency;
}

export class TakeActionBody {
  @ApiProperty({ enum: ACTION_IDS }) @IsString() @Length(1, 40) action!: string;
  @ApiPropertyOptional({ description: 'What the action records, e.g. employer, deductionPence and protectedEarningsPence for an attachment of earnings.', type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  details?: Record<string, string | number>;
}

@InputType('RequestFineWriteOffInput')
export class WriteOffBody {
  @Field(() => Int) @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @Field() @ApiProperty({ enum: Object.keys(WRITE_OFF_REASONS) }) @IsString() @Length(1, 32) reason!: string;
}

export class WriteOffDecisionBody {
  @ApiProperty() @IsBoolean() approve!: boolean;
}

export class RegisterFixedPenaltyBody {
  @ApiProperty({ example: 'FP-2026-000123' }) @IsString() @Matches(/^[A-Z0-9-]{4,32}$/) penaltyReference!: string;
  @ApiProperty({ example: 'BU-LONDON-01' }) @IsString() @Length(1, 32) businessUnit!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() caseId?: string;
}

export class WarrantOutcomeBody {
  @ApiProperty({ enum: WARRANT_STATUSES }) @IsIn(WARRANT_STATUSES) status!: WarrantStatus;
  @ApiPropertyOptional({ description: 'The enforcement agent the warrant is given to.' }) @IsOptional() @IsString() @Length(1, 64) agent?: string;
  @ApiPropertyOptional({ description: 'What an executed warrant collected, in pence.' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PENCE) collectedPence?: number;
}

export class DefaultRunBody {
  @ApiPropertyOptional({ description: 'The day to run for (London); today when absent.', example: '2026-03-01' }) @IsOptional() @IsLocalDay() runOn?: string;
}

class AccountFilterParams {
  @ApiPropertyOptional({ enum: ['live', 'paid', 'written-off', 'consolidated', 'transferred-out'] }) @IsOptional() @IsIn(['live', 'paid', 'written-off', 'consolidated', 'transferred-out']) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32) businessUnit?: string;
}
export class AccountListQuery extends IntersectionType(AccountFilterParams, PageParams) {}

export class ConsolidateBody {
  @ApiProperty({ type: [String], description: 'The accounts of the same defendant to consolidate into this one.' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  accountIds!: string[];
}

@InputType('FineActionDetailInput', { description: 'One thing an action records: text (employer, benefit) or pence (deduction, protected earnings).' })
export class ActionDetailInput {
  @Field() @IsString() @Length(1, 40) name!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) text?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PENCE) pence?: number;
}

@InputType('TakeEnforcementActionInput')
export class TakeActionInput {
  @Field(() => ID) @IsUUID() accountId!: string;
  @Field() @IsString() @Length(1, 40) action!: string;
  @Field(() => [ActionDetailInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => ActionDetailInput) @ArrayMaxSize(10) details?: ActionDetailInput[];
}

export function detailsFrom(details: readonly ActionDetailInput[] = []): Record<string, string | number> {
  return Object.fromEntries(details.map((d) => [d.name, d.pence ?? d.text ?? '']));
}

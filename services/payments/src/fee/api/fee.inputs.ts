import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BadUserInputError, IsLocalDay, MAX_PENCE, parseLocalDay } from '@ccsc/platform';
import { FEE_CHANNELS, FEE_EVENTS, FeeAmount, FeeChannel, FeeEvent } from '../domain/fee';
import { ArgsType, InputType } from '../../payments.graphql';

const FEE_CODE = /^FEE\d{4}$/;

@ArgsType()
export class FeeLookupArgs {
  @Field() @ApiProperty({ example: 'civil-money-claims' }) @IsString() @Length(1, 64) service!: string;
  @Field() @ApiProperty({ example: 'civil' }) @IsString() @Length(1, 64) jurisdiction!: string;
  @Field(() => String, { defaultValue: 'default' })
  @ApiPropertyOptional({ enum: FEE_CHANNELS, default: 'default' })
  @IsOptional()
  @IsIn(FEE_CHANNELS)
  channel?: FeeChannel;
  @Field(() => String) @ApiProperty({ enum: FEE_EVENTS }) @IsIn(FEE_EVENTS) event!: FeeEvent;
  @Field(() => Int, { nullable: true, description: 'For ranged fees.' })
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  claimAmountPence?: number;
  @Field({ nullable: true, description: 'The day in England the fee applies on; today by default.' })
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsLocalDay()
  on?: string;
}

@InputType('FeeBandInput', {
  description: 'A band of a banded fee: up to a claim amount (none for the last), a flat amount or a percentage.',
})
export class FeeBandBody {
  @Field(() => Int, { nullable: true, description: 'The top of the band; none for the last band.' })
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  upToPence!: number | null;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  amountPence?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  basisPoints?: number;
}

@InputType('FeeAmountInput', {
  description: 'The amount rule of a fee: flat (amountPence), percentage (basisPoints, minPence, maxPence) or banded.',
})
export class FeeAmountBody {
  @Field(() => String, { description: 'flat, percentage or banded.' })
  @ApiProperty({ enum: ['flat', 'percentage', 'banded'] })
  @IsIn(['flat', 'percentage', 'banded'])
  type!: FeeAmount['type'];
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  amountPence?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  basisPoints?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  minPence?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  maxPence?: number | null;
  @Field(() => [FeeBandBody], { nullable: true })
  @ApiPropertyOptional({ type: [FeeBandBody] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FeeBandBody)
  bands?: FeeBandBody[];
}

@InputType('ProposeFeeVersionInput', { description: 'A new amount for a fee from a day on.' })
export class ProposeFeeVersionBody {
  @Field(() => FeeAmountBody)
  @ApiProperty({ type: FeeAmountBody })
  @ValidateNested()
  @Type(() => FeeAmountBody)
  amount!: FeeAmountBody;
  @Field({ description: 'The day in England it applies from.' })
  @ApiProperty({ example: '2027-04-01' })
  @IsLocalDay()
  validFrom!: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string;
}

@InputType('FeeVersionDecisionInput', { description: 'Whether a proposed fee version is approved.' })
export class FeeDecisionBody {
  @Field({ description: 'true approves the version; false rejects it.' })
  @ApiProperty({ description: 'true approves the version; false rejects it.' })
  @IsBoolean()
  approve!: boolean;
}

export function feeAmount(body: FeeAmountBody): FeeAmount {
  const required = (value: number | null | undefined, field: string): number => {
    if (value === undefined || value === null) {
      const problem = { field: `amount.${field}`, message: `is required for a ${body.type} fee` };
      throw new BadUserInputError('The fee amount is incomplete', [problem]);
    }
    return value;
  };
  switch (body.type) {
    case 'flat':
      return { type: 'flat', amountPence: required(body.amountPence, 'amountPence') };
    case 'percentage':
      return {
        type: 'percentage',
        basisPoints: required(body.basisPoints, 'basisPoints'),
        minPence: required(body.minPence, 'minPence'),
        maxPence: body.maxPence ?? null,
      };
    case 'banded':
      return {
        type: 'banded',
        bands: (body.bands ?? []).map((b) => ({
          upToPence: b.upToPence ?? null,
          ...(b.amountPence != null ? { amountPence: b.amountPence } : {}),
          ...(b.basisPoints != null ? { basisPoints: b.basisPoints } : {}),
        })),
      };
  }
}

/** A calendar day as given, refused unless it is one. */
export function day(value: string, field: string): string;
export function day(value: string | undefined, field: string): string | undefined;
export function day(value: string | undefined, field: string): string | undefined {
  if (value !== undefined && !parseLocalDay(value)) {
    throw new BadUserInputError('Invalid date', [{ field, message: 'must be a calendar day as YYYY-MM-DD' }]);
  }
  return value;
}

export function feeCode(code: string): string {
  if (!FEE_CODE.test(code)) {
    const problem = { field: 'code', message: 'must be FEE followed by four digits' };
    throw new BadUserInputError('Malformed fee code', [problem]);
  }
  return code;
}

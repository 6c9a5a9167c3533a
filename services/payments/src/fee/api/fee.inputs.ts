import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  BadUserInputError,
  IsLocalDay,
  MAX_PENCE,
  NestedInput,
  NestedInputs,
  parseLocalDay,
  QueryInteger,
} from '@ccsc/platform';
import { FEE_CHANNELS, FEE_EVENTS, FeeAmount, FeeChannel, FeeEvent } from '../domain/fee';
import { FEE_CHANNEL, FEE_EVENT, PENCE } from '../../api-descriptions';
import { ArgsType, InputType } from '../../payments.graphql';

const FEE_CODE = /^FEE\d{4}$/;
const LOOKUP_SERVICE = 'The service, e.g. `civil-money-claims`, `probate`, `divorce`.';
const LOOKUP_JURISDICTION = 'The jurisdiction, e.g. `civil`, `family`, `tribunal`, `probate`.';
const LOOKUP_CHANNEL = `The channel: ${FEE_CHANNEL} By default \`default\`; a fee of the channel asked for is preferred over a \`default\` one of the same code.`;
const LOOKUP_EVENT = `The event the fee is charged at: ${FEE_EVENT}`;
const LOOKUP_CLAIM = `The amount claimed, for ranged (banded or percentage) fees. Without it a ranged fee is quoted at its least, with basis \`minimum\`. ${PENCE}`;
const BAND_UP_TO = `The top of the band, inclusive: claims up to this amount pay it. None (null) for the last band, which must be open-ended. ${PENCE}`;
const BAND_AMOUNT = `A flat amount for claims in this band; give this or \`basisPoints\`, not both. The first band must have one. ${PENCE}`;
const BAND_RATE =
  'A share of the claim for claims in this band, in basis points (1 to 10000; 500 = 5%); give this or `amountPence`, not both.';
const AMOUNT_FLAT = `For a \`flat\` fee: the amount, required. ${PENCE}`;
const AMOUNT_RATE = 'For a `percentage` fee: the share of the claim in basis points (1 to 10000; 500 = 5%), required.';
const AMOUNT_MIN = `For a \`percentage\` fee: the least it costs, also what it costs while no claim amount is known; required. ${PENCE}`;
const AMOUNT_MAX = `For a \`percentage\` fee: the most it costs; none (null) for no cap. ${PENCE}`;
const AMOUNT_BANDS =
  'For a `banded` fee: its bands, rising by `upToPence`, at most 50; the first a flat amount, the last open-ended.';
const NEW_AMOUNT = 'The new amount rule.';
const VALID_FROM =
  'The day in England it applies from (YYYY-MM-DD): today or later, and after the start of every approved version; once approved, the version before it ends that day. A version still awaiting approval when that day has passed cannot be approved.';
const NEW_DESCRIPTION = "What the fee is for, in words, up to 200 characters; by default the latest version's.";

@ArgsType()
export class FeeLookupArgs {
  @Field({ description: LOOKUP_SERVICE })
  @ApiProperty({ example: 'civil-money-claims', description: LOOKUP_SERVICE })
  @IsString()
  @Length(1, 64)
  service!: string;
  @Field({ description: LOOKUP_JURISDICTION })
  @ApiProperty({ example: 'civil', description: LOOKUP_JURISDICTION })
  @IsString()
  @Length(1, 64)
  jurisdiction!: string;
  @Field(() => String, { defaultValue: 'default', description: LOOKUP_CHANNEL })
  @ApiPropertyOptional({ enum: FEE_CHANNELS, default: 'default', description: LOOKUP_CHANNEL })
  @IsOptional()
  @IsIn(FEE_CHANNELS)
  channel?: FeeChannel;
  @Field(() => String, { description: LOOKUP_EVENT })
  @ApiProperty({ enum: FEE_EVENTS, description: LOOKUP_EVENT })
  @IsIn(FEE_EVENTS)
  event!: FeeEvent;
  @Field(() => Int, { nullable: true, description: LOOKUP_CLAIM })
  @ApiPropertyOptional({ description: LOOKUP_CLAIM, example: 750000 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  claimAmountPence?: number;
  @Field({ nullable: true, description: 'The day in England the fee applies on; today by default.' })
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'The day in England the fee applies on (YYYY-MM-DD); today by default.',
  })
  @IsOptional()
  @IsLocalDay()
  on?: string;
}

@InputType('FeeBandInput', {
  description: 'A band of a banded fee: up to a claim amount (none for the last), a flat amount or a percentage.',
})
export class FeeBandBody {
  @Field(() => Int, { nullable: true, description: BAND_UP_TO })
  @ApiPropertyOptional({ nullable: true, type: Number, description: BAND_UP_TO, example: 30000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  upToPence!: number | null;
  @Field(() => Int, { nullable: true, description: BAND_AMOUNT })
  @ApiPropertyOptional({ description: BAND_AMOUNT, example: 3500 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  amountPence?: number;
  @Field(() => Int, { nullable: true, description: BAND_RATE })
  @ApiPropertyOptional({ description: BAND_RATE, example: 500 })
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
  @Field(() => String, {
    description: '`flat`, `percentage` or `banded`: which of the other fields it needs (the others are ignored).',
  })
  @ApiProperty({
    enum: ['flat', 'percentage', 'banded'],
    description: 'Which of the other fields it needs (the others are ignored).',
  })
  @IsIn(['flat', 'percentage', 'banded'])
  type!: FeeAmount['type'];
  @Field(() => Int, { nullable: true, description: AMOUNT_FLAT })
  @ApiPropertyOptional({ description: AMOUNT_FLAT, example: 27300 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  amountPence?: number;
  @Field(() => Int, { nullable: true, description: AMOUNT_RATE })
  @ApiPropertyOptional({ description: AMOUNT_RATE, example: 500 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  basisPoints?: number;
  @Field(() => Int, { nullable: true, description: AMOUNT_MIN })
  @ApiPropertyOptional({ description: AMOUNT_MIN, example: 45500 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  minPence?: number;
  @Field(() => Int, { nullable: true, description: AMOUNT_MAX })
  @ApiPropertyOptional({ nullable: true, type: Number, description: AMOUNT_MAX, example: 1000000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  maxPence?: number | null;
  @Field(() => [FeeBandBody], { nullable: true, description: AMOUNT_BANDS })
  @ApiPropertyOptional({ type: [FeeBandBody], description: AMOUNT_BANDS })
  @IsOptional()
  @ArrayMaxSize(50)
  @NestedInputs(() => FeeBandBody)
  bands?: FeeBandBody[];
}

@InputType('ProposeFeeVersionInput', { description: 'A new amount for a fee from a day on.' })
export class ProposeFeeVersionBody {
  @Field(() => FeeAmountBody, { description: NEW_AMOUNT })
  @ApiProperty({ type: FeeAmountBody, description: NEW_AMOUNT })
  @NestedInput(() => FeeAmountBody)
  amount!: FeeAmountBody;
  @Field({ description: VALID_FROM })
  @ApiProperty({ example: '2027-04-01', description: VALID_FROM })
  @IsLocalDay()
  validFrom!: string;
  @Field({ nullable: true, description: NEW_DESCRIPTION })
  @ApiPropertyOptional({ description: NEW_DESCRIPTION, example: 'Money claim: issue, by claim amount' })
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

import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { Args, Field, Int, Query as GqlQuery, Resolver } from '@nestjs/graphql';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { CurrentPrincipal, Principal, Role, Roles } from '@ccsc/auth';
import { BadUserInputError, IsLocalDay, MAX_PENCE, parseLocalDay } from '@ccsc/platform';
import { FEE_CHANNELS, FEE_EVENTS, FeeAmount, FeeChannel, FeeEvent, FeeVersion, PricedFee } from '../domain/fee';
import { FeeCommands } from '../application/fee.commands';
import { present } from '../../present';
import { ArgsType, ObjectType } from '../../payments.graphql';

/** Anyone signed in may look fees up; finance staff keep the register, each change approved by a second person. */
const FEE_READERS: Role[] = ['citizen', 'professional', 'caseworker', 'team-leader', 'judiciary', 'finance-officer', 'complaints-officer', 'enforcement-officer', 'system'];
const FEE_KEEPERS: Role[] = ['finance-officer', 'team-leader'];
const FEE_CODE = /^FEE\d{4}$/;

@ObjectType('FeeVersion', { description: 'One version of a fee in the register, with when it applies.' })
export class FeeVersionModel {
  @Field() @ApiProperty({ example: 'FEE0202' }) code!: string;
  @Field(() => Int) @ApiProperty() version!: number;
  @Field() @ApiProperty() description!: string;
  @Field() @ApiProperty({ example: 'civil-money-claims' }) service!: string;
  @Field() @ApiProperty({ example: 'civil' }) jurisdiction!: string;
  @Field() @ApiProperty({ enum: FEE_CHANNELS }) channel!: string;
  @Field() @ApiProperty({ enum: FEE_EVENTS }) event!: string;
  @Field({ description: '`flat`, `percentage` or `banded`.' }) @ApiProperty({ enum: ['flat', 'percentage', 'banded'] }) amountType!: string;
  @Field({ description: 'The amount rule as JSON: amountPence; basisPoints, minPence, maxPence; or bands of upToPence with amountPence or basisPoints.' })
  @ApiProperty({ description: 'The amount rule as JSON' })
  amountRule!: string;
  @Field() @ApiProperty({ example: '2024-04-11' }) validFrom!: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ nullable: true, type: String }) validTo!: string | null;
  @Field() @ApiProperty({ enum: ['pending-approval', 'approved', 'rejected'] }) status!: string;

  static from(fee: FeeVersion): FeeVersionModel {
    return { ...fee, amountType: fee.amount.type, amountRule: JSON.stringify(fee.amount) };
  }
}

@ObjectType('FeeQuote', { description: 'A fee in force and what it costs for the claim amount given.' })
export class FeeQuoteModel {
  @Field(() => FeeVersionModel) @ApiProperty({ type: FeeVersionModel }) fee!: FeeVersionModel;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field({ description: '`fixed`, `claim-amount`, or `minimum` for a ranged fee priced without a claim amount.' }) @ApiProperty({ enum: ['fixed', 'claim-amount', 'minimum'] }) basis!: string;

  static from(found: { fee: FeeVersion; priced: PricedFee }): FeeQuoteModel {
    return { fee: FeeVersionModel.from(found.fee), amountPence: found.priced.amountPence, basis: found.priced.basis };
  }
}

@ArgsType()
export class FeeLookupArgs {
  @Field() @ApiProperty({ example: 'civil-money-claims' }) @IsString() @Length(1, 64) service!: string;
  @Field() @ApiProperty({ example: 'civil' }) @IsString() @Length(1, 64) jurisdiction!: string;
  @Field(() => String, { defaultValue: 'default' }) @ApiPropertyOptional({ enum: FEE_CHANNELS, default: 'default' }) @IsOptional() @IsIn(FEE_CHANNELS) channel?: FeeChannel;
  @Field(() => String) @ApiProperty({ enum: FEE_EVENTS }) @IsIn(FEE_EVENTS) event!: FeeEvent;
  @Field(() => Int, { nullable: true, description: 'For ranged fees.' }) @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PENCE) claimAmountPence?: number;
  @Field({ nullable: true, description: 'The day in England the fee applies on; today by default.' }) @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsLocalDay() on?: string;
}

export class FeeBandBody {
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) @Max(MAX_PENCE) upToPence!: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PENCE) amountPence?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(10_000) basisPoints?: number;
}

export class FeeAmountBody {
  @ApiProperty({ enum: ['flat', 'percentage', 'banded'] }) @IsIn(['flat', 'percentage', 'banded']) type!: FeeAmount['type'];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PENCE) amountPence?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(10_000) basisPoints?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PENCE) minPence?: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) @Max(MAX_PENCE) maxPence?: number | null;
  @ApiPropertyOptional({ type: [FeeBandBody] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => FeeBandBody) bands?: FeeBandBody[];
}

export class ProposeFeeVersionBody {
  @ApiProperty({ type: FeeAmountBody }) @ValidateNested() @Type(() => FeeAmountBody) amount!: FeeAmountBody;
  @ApiProperty({ example: '2027-04-01' }) @IsLocalDay() validFrom!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) description?: string;
}

export class FeeDecisionBody {
  @ApiProperty({ description: 'true approves the version; false rejects it.' }) @IsBoolean() approve!: boolean;
}

function feeAmount(body: FeeAmountBody): FeeAmount {
  const required = (value: number | null | undefined, field: string): number => {
    if (value === undefined || value === null) throw new BadUserInputError('The fee amount is incomplete', [{ field: `amount.${field}`, message: `is required for a ${body.type} fee` }]);
    return value;
  };
  switch (body.type) {
    case 'flat':
      return { type: 'flat', amountPence: required(body.amountPence, 'amountPence') };
    case 'percentage':
      return { type: 'percentage', basisPoints: required(body.basisPoints, 'basisPoints'), minPence: required(body.minPence, 'minPence'), maxPence: body.maxPence ?? null };
    case 'banded':
      return { type: 'banded', bands: (body.bands ?? []).map((b) => ({ upToPence: b.upToPence ?? null, ...(b.amountPence !== undefined ? { amountPence: b.amountPence } : {}), ...(b.basisPoints !== undefined ? { basisPoints: b.basisPoints } : {}) })) };
  }
}

function day(value: string | undefined, field: string): string | undefined {
  if (value !== undefined && !parseLocalDay(value)) throw new BadUserInputError('Invalid date', [{ field, message: 'must be a calendar day as YYYY-MM-DD' }]);
  return value;
}

function feeCode(code: string): string {
  if (!FEE_CODE.test(code)) throw new BadUserInputError('Malformed fee code', [{ field: 'code', message: 'must be FEE followed by four digits' }]);
  return code;
}

@Resolver(() => FeeVersionModel)
export class FeeResolver {
  constructor(private readonly commands: FeeCommands) {}

  @GqlQuery(() => [FeeQuoteModel], { description: 'The fees in force for a service, jurisdiction, channel and event, priced for the claim amount.' })
  @Roles(...FEE_READERS)
  async feeLookup(@Args() args: FeeLookupArgs) {
    const { claimAmountPence, on, channel, ...criteria } = args;
    return (await this.commands.lookup({ ...criteria, channel: channel ?? 'default' }, claimAmountPence ?? undefined, day(on ?? undefined, 'on'))).map(FeeQuoteModel.from);
  }
}

@ApiTags('fees')
@Controller('api/v1/payments/fees')
export class FeeController {
  constructor(private readonly commands: FeeCommands) {}

  @Get()
  @Roles(...FEE_READERS)
  @ApiOperation({ summary: 'Look up the fees in force, priced for a claim amount' })
  @ApiOkResponse({ type: [FeeQuoteModel] })
  @ApiBadRequestResponse({ description: 'Invalid criteria (problem+json with field errors)' })
  async lookup(@Query() query: FeeLookupArgs) {
    const { claimAmountPence, on, channel, ...criteria } = query;
    return (await this.commands.lookup({ ...criteria, channel: channel ?? 'default' }, claimAmountPence, day(on, 'on'))).map(FeeQuoteModel.from);
  }

  @Get(':code/versions')
  @Roles(...FEE_READERS)
  @ApiOperation({ summary: "A fee code's versions, oldest first" })
  @ApiOkResponse({ type: [FeeVersionModel] })
  async versions(@Param('code') code: string) {
    return (await this.commands.versions(feeCode(code))).map(FeeVersionModel.from);
  }

  @Post(':code/versions')
  @Roles(...FEE_KEEPERS)
  @ApiOperation({ summary: 'Propose a new amount from a day on; it applies once a second person approves it' })
  @ApiCreatedResponse({ type: FeeVersionModel })
  @ApiConflictResponse({ description: 'A version is already awaiting approval' })
  async propose(@Param('code') code: string, @Body() body: ProposeFeeVersionBody, @CurrentPrincipal() principal: Principal) {
    const validFrom = present(day(body.validFrom, 'validFrom'));
    return FeeVersionModel.from(await this.commands.propose({ code: feeCode(code), amount: feeAmount(body.amount), validFrom, description: body.description }, principal));
  }

  @Post(':code/versions/:version/decision')
  @HttpCode(200)
  @Roles(...FEE_KEEPERS)
  @ApiOperation({ summary: 'Approve or reject a proposed fee version (never the proposer)' })
  @ApiOkResponse({ type: FeeVersionModel })
  @ApiConflictResponse({ description: 'Not awaiting approval, or the approver proposed it' })
  async decide(@Param('code') code: string, @Param('version', ParseIntPipe) version: number, @Body() body: FeeDecisionBody, @CurrentPrincipal() principal: Principal) {
    return FeeVersionModel.from(await this.commands.decide(feeCode(code), version, body.approve, principal));
  }
}

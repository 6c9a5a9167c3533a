import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FEE_CHANNEL, FEE_CODE, FEE_EVENT, FEE_VERSION, PENCE } from '../../api-descriptions';
import { FEE_CHANNELS, FEE_EVENTS, FeeVersion, PricedFee } from '../domain/fee';
import { ObjectType } from '../../payments.graphql';

const FEE_DESCRIPTION = 'What the fee is for, in words.';
const FEE_SERVICE = 'The service it is charged in, e.g. `civil-money-claims`, `probate`, `divorce`.';
const FEE_JURISDICTION =
  'The jurisdiction, e.g. `civil`, `family`, `tribunal`, `probate`; its takings count towards this business area.';
const AMOUNT_TYPE =
  '`flat` (one amount), `percentage` (a share of the claim between a minimum and an optional maximum) or `banded` (an amount or a share by band of the claim amount).';
const AMOUNT_RULE =
  'The amount rule as JSON, amounts in pence: `{"type":"flat","amountPence":…}`; `{"type":"percentage","basisPoints":…,"minPence":…,"maxPence":…|null}` (500 basis points = 5%); or `{"type":"banded","bands":[{"upToPence":…|null,"amountPence":…} or {"upToPence":…,"basisPoints":…}, …]}`, bands rising, the last open-ended (`upToPence` null).';
const VALID_FROM = 'The first day it applies, in England (YYYY-MM-DD).';
const VALID_TO =
  'The first day it no longer applies (YYYY-MM-DD): set when a later version is approved. Null while it has no end.';
const FEE_STATUS =
  '`pending-approval` (proposed, not yet in force), `approved` (applies from `validFrom`) or `rejected`. A version is approved or rejected by someone other than who proposed it.';

@ObjectType('FeeVersion', { description: 'One version of a fee in the register, with when it applies.' })
export class FeeVersionModel {
  @Field({ description: FEE_CODE }) @ApiProperty({ example: 'FEE0202', description: FEE_CODE }) code!: string;
  @Field(() => Int, { description: FEE_VERSION })
  @ApiProperty({ description: FEE_VERSION, example: 1 })
  version!: number;
  @Field({ description: FEE_DESCRIPTION })
  @ApiProperty({ description: FEE_DESCRIPTION, example: 'Money claim: issue, by claim amount' })
  description!: string;
  @Field({ description: FEE_SERVICE })
  @ApiProperty({ example: 'civil-money-claims', description: FEE_SERVICE })
  service!: string;
  @Field({ description: FEE_JURISDICTION })
  @ApiProperty({ example: 'civil', description: FEE_JURISDICTION })
  jurisdiction!: string;
  @Field({ description: `The channel it is charged on: ${FEE_CHANNEL}` })
  @ApiProperty({ enum: FEE_CHANNELS, description: `The channel it is charged on: ${FEE_CHANNEL}` })
  channel!: string;
  @Field({ description: `The event it is charged at: ${FEE_EVENT}` })
  @ApiProperty({ enum: FEE_EVENTS, description: `The event it is charged at: ${FEE_EVENT}` })
  event!: string;
  @Field({ description: AMOUNT_TYPE })
  @ApiProperty({ enum: ['flat', 'percentage', 'banded'], description: AMOUNT_TYPE, example: 'banded' })
  amountType!: string;
  @Field({ description: AMOUNT_RULE })
  @ApiProperty({
    description: AMOUNT_RULE,
    example:
      '{"type":"banded","bands":[{"upToPence":30000,"amountPence":3500},{"upToPence":1000000,"amountPence":45500},{"upToPence":20000000,"basisPoints":500},{"upToPence":null,"amountPence":1000000}]}',
  })
  amountRule!: string;
  @Field({ description: VALID_FROM })
  @ApiProperty({ example: '2024-04-11', description: VALID_FROM })
  validFrom!: string;
  @Field(() => String, { nullable: true, description: VALID_TO })
  @ApiPropertyOptional({ nullable: true, type: String, description: VALID_TO })
  validTo!: string | null;
  @Field({ description: FEE_STATUS })
  @ApiProperty({ enum: ['pending-approval', 'approved', 'rejected'], description: FEE_STATUS, example: 'approved' })
  status!: string;

  // Named field by field: who proposed and approved a fee is the fee register's own record, not the published fee.
  static from(fee: FeeVersion): FeeVersionModel {
    const { code, version, description, service, jurisdiction, channel, event, validFrom, validTo, status } = fee;
    const { type: amountType } = fee.amount;
    const amountRule = JSON.stringify(fee.amount);
    return {
      code,
      version,
      description,
      service,
      jurisdiction,
      channel,
      event,
      amountType,
      amountRule,
      validFrom,
      validTo,
      status,
    };
  }
}

const QUOTED_FEE = 'The version of the fee in force on the day asked about.';
const QUOTED_AMOUNT = `What the fee costs for the claim amount given. ${PENCE}`;
const QUOTE_BASIS =
  '`fixed` (a flat fee), `claim-amount` (priced for the claim amount given) or `minimum` (a ranged fee priced at its least, as no claim amount was given).';

@ObjectType('FeeQuote', { description: 'A fee in force and what it costs for the claim amount given.' })
export class FeeQuoteModel {
  @Field(() => FeeVersionModel, { description: QUOTED_FEE })
  @ApiProperty({ type: FeeVersionModel, description: QUOTED_FEE })
  fee!: FeeVersionModel;
  @Field(() => Int, { description: QUOTED_AMOUNT })
  @ApiProperty({ description: QUOTED_AMOUNT, example: 45500 })
  amountPence!: number;
  @Field({ description: QUOTE_BASIS })
  @ApiProperty({ enum: ['fixed', 'claim-amount', 'minimum'], description: QUOTE_BASIS, example: 'claim-amount' })
  basis!: string;

  static from(found: { fee: FeeVersion; priced: PricedFee }): FeeQuoteModel {
    return { fee: FeeVersionModel.from(found.fee), amountPence: found.priced.amountPence, basis: found.priced.basis };
  }
}

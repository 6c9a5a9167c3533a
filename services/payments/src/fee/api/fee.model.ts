import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FEE_CHANNELS, FEE_EVENTS, FeeVersion, PricedFee } from '../domain/fee';
import { ObjectType } from '../../payments.graphql';

@ObjectType('FeeVersion', { description: 'One version of a fee in the register, with when it applies.' })
export class FeeVersionModel {
  @Field() @ApiProperty({ example: 'FEE0202' }) code!: string;
  @Field(() => Int) @ApiProperty() version!: number;
  @Field() @ApiProperty() description!: string;
  @Field() @ApiProperty({ example: 'civil-money-claims' }) service!: string;
  @Field() @ApiProperty({ example: 'civil' }) jurisdiction!: string;
  @Field() @ApiProperty({ enum: FEE_CHANNELS }) channel!: string;
  @Field() @ApiProperty({ enum: FEE_EVENTS }) event!: string;
  @Field({ description: '`flat`, `percentage` or `banded`.' })
  @ApiProperty({ enum: ['flat', 'percentage', 'banded'] })
  amountType!: string;
  @Field({
    description:
      'The amount rule as JSON: amountPence; basisPoints, minPence, maxPence; or bands of upToPence with amountPence or basisPoints.',
  })
  @ApiProperty({ description: 'The amount rule as JSON' })
  amountRule!: string;
  @Field() @ApiProperty({ example: '2024-04-11' }) validFrom!: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ nullable: true, type: String })
  validTo!: string | null;
  @Field() @ApiProperty({ enum: ['pending-approval', 'approved', 'rejected'] }) status!: string;

  static from(fee: FeeVersion): FeeVersionModel {
    return { ...fee, amountType: fee.amount.type, amountRule: JSON.stringify(fee.amount) };
  }
}

@ObjectType('FeeQuote', { description: 'A fee in force and what it costs for the claim amount given.' })
export class FeeQuoteModel {
  @Field(() => FeeVersionModel) @ApiProperty({ type: FeeVersionModel }) fee!: FeeVersionModel;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field({ description: '`fixed`, `claim-amount`, or `minimum` for a ranged fee priced without a claim amount.' })
  @ApiProperty({ enum: ['fixed', 'claim-amount', 'minimum'] })
  basis!: string;

  static from(found: { fee: FeeVersion; priced: PricedFee }): FeeQuoteModel {
    return { fee: FeeVersionModel.from(found.fee), amountPence: found.priced.amountPence, basis: found.priced.basis };
  }
}

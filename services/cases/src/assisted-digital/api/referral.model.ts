import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIGITAL_NEEDS, REFERRAL_STATUSES } from '../domain/referral';
import { ObjectType } from '../../cases.graphql';

@ObjectType('AssistedDigitalReferral', { description: 'A referral to the assisted-digital supplier.' })
export class ReferralModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => ID) @ApiProperty() partyId!: string;
  @Field(() => [String]) @ApiProperty({ enum: DIGITAL_NEEDS, isArray: true }) needs!: string[];
  @Field() @ApiProperty({ enum: REFERRAL_STATUSES }) status!: string;
  @Field({ nullable: true }) @ApiPropertyOptional() supplierReference?: string;
  @Field() @ApiProperty() createdAt!: Date;
  @Field() @ApiProperty() updatedAt!: Date;
}

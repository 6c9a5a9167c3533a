import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIGITAL_NEEDS, REFERRAL_STATUSES } from '../domain/referral';
import { ObjectType } from '../../cases.graphql';
import { CASE_ID, UPDATED_AT, UTC_INSTANT } from '../../api-descriptions';

const REFERRAL_ID = "The referral's id (UUID).";
const PARTY = 'The party referred: the user the supplier helps (UUID).';
const DIGITAL_NEEDS_DESCRIPTION = `What the officer's assessment found the user needs help with: ${DIGITAL_NEEDS.map((n) => `\`${n}\``).join(', ')}.`;
const REFERRAL_STATUS_DESCRIPTION =
  '`referred` (sent to the supplier), `accepted` (taken on by the supplier), `completed` (the supplier has helped the user) or `declined`. While `referred` or `accepted` it is open, and holds back the events that wait for no open referral.';
const SUPPLIER_REFERENCE = "The supplier's own reference for the referral, once it gives one; absent until then.";

@ObjectType('AssistedDigitalReferral', {
  description:
    "A referral of a party to the assisted-digital supplier after an officer's needs assessment. Staff see every referral; anyone else only those of the parties they act for.",
})
export class AssistedDigitalReferralModel {
  @Field(() => ID, { description: REFERRAL_ID }) @ApiProperty({ format: 'uuid', description: REFERRAL_ID }) id!: string;
  /** Over REST only: GraphQL reaches it from its case. */
  @ApiProperty({ format: 'uuid', description: CASE_ID })
  caseId!: string;
  @Field(() => ID, { description: PARTY }) @ApiProperty({ format: 'uuid', description: PARTY }) partyId!: string;
  @Field(() => [String], { description: DIGITAL_NEEDS_DESCRIPTION })
  @ApiProperty({ enum: DIGITAL_NEEDS, isArray: true, description: DIGITAL_NEEDS_DESCRIPTION })
  needs!: string[];
  @Field({ description: REFERRAL_STATUS_DESCRIPTION })
  @ApiProperty({ enum: REFERRAL_STATUSES, example: 'accepted', description: REFERRAL_STATUS_DESCRIPTION })
  status!: string;
  @Field({ nullable: true, description: SUPPLIER_REFERENCE })
  @ApiPropertyOptional({ example: 'ADS-2027-004512', description: SUPPLIER_REFERENCE })
  supplierReference?: string;
  @Field({ description: `When the user was referred. ${UTC_INSTANT}` })
  @ApiProperty({ description: `When the user was referred. ${UTC_INSTANT}` })
  createdAt!: Date;
  @Field({ description: UPDATED_AT }) @ApiProperty({ description: UPDATED_AT }) updatedAt!: Date;
}

import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { DIGITAL_NEEDS, DigitalNeed, REFERRAL_STATUSES, ReferralStatus } from '../domain/referral';
import { InputType } from '../../cases.graphql';
import { CASE_ID } from '../../api-descriptions';

const PARTY = 'The party to refer: the user who needs help (UUID), a party of the case.';
const NEEDS = `What the assessment found the user needs help with; at least one (a repeat counts once): ${DIGITAL_NEEDS.map((n) => `\`${n}\``).join(', ')}.`;
const STATUS =
  '`accepted` or `declined` once `referred`; `completed` or `declined` once `accepted`. A completed or declined referral is final.';
const SUPPLIER_REFERENCE = "The supplier's own reference for the referral; kept when later updates leave it out.";

@InputType({ description: "An officer's assessment of a user's needs, and their referral to the supplier." })
export class ReferBody {
  @Field(() => ID, { description: PARTY })
  @ApiProperty({ format: 'uuid', description: PARTY })
  @IsUUID()
  partyId!: string;
  @Field(() => [String], { description: NEEDS })
  @ApiProperty({ enum: DIGITAL_NEEDS, isArray: true, description: NEEDS })
  @IsIn(DIGITAL_NEEDS, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(DIGITAL_NEEDS.length)
  needs!: DigitalNeed[];
}

@InputType({ description: "An officer's assessment of a user's needs on a case, and their referral to the supplier." })
export class ReferInput extends ReferBody {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
}

@InputType({ description: 'Progress of a referral, as the supplier reports it.' })
export class ReferralStatusBody {
  @Field(() => String, { description: `The status now: ${REFERRAL_STATUSES.join(', ')}. ${STATUS}` })
  @ApiProperty({ enum: REFERRAL_STATUSES, example: 'accepted', description: STATUS })
  @IsIn(REFERRAL_STATUSES)
  status!: ReferralStatus;
  @Field({ nullable: true, description: SUPPLIER_REFERENCE })
  @ApiPropertyOptional({ example: 'ADS-2027-004512', description: SUPPLIER_REFERENCE })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  supplierReference?: string;
}

@InputType({ description: 'Progress of a referral on a case, as the supplier reports it.' })
export class ReferralStatusInput extends ReferralStatusBody {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
  @Field(() => ID, { description: "The referral's id (UUID)." }) @IsUUID() referralId!: string;
}

import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { DIGITAL_NEEDS, DigitalNeed, REFERRAL_STATUSES, ReferralStatus } from '../domain/referral';
import { InputType } from '../../cases.graphql';

@InputType({ description: "An officer's assessment of a user's needs, and their referral to the supplier." })
export class ReferBody {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) @IsUUID() partyId!: string;
  @Field(() => [String], { description: DIGITAL_NEEDS.join(', ') })
  @ApiProperty({ enum: DIGITAL_NEEDS, isArray: true })
  @IsIn(DIGITAL_NEEDS, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(DIGITAL_NEEDS.length)
  needs!: DigitalNeed[];
}

@InputType()
export class ReferInput extends ReferBody {
  @Field(() => ID) @IsUUID() caseId!: string;
}

@InputType({ description: 'Progress of a referral, as the supplier reports it.' })
export class ReferralStatusBody {
  @Field(() => String, { description: REFERRAL_STATUSES.join(', ') })
  @ApiProperty({ enum: REFERRAL_STATUSES })
  @IsIn(REFERRAL_STATUSES)
  status!: ReferralStatus;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  supplierReference?: string;
}

@InputType()
export class ReferralStatusInput extends ReferralStatusBody {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => ID) @IsUUID() referralId!: string;
}

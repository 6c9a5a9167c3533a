import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { MAX_PENCE, PageParams } from '@ccsc/platform';
import { ACCOUNT_STATUSES } from '../domain/fine-account';
import { InputType } from '../../enforcement.graphql';

@InputType('RecordFixedPenaltyInput')
export class RegisterFixedPenaltyBody {
  @Field({ description: "The issuing authority's reference: capitals, digits and dashes, 4 to 32." })
  @ApiProperty({ example: 'FP-2026-000123' })
  @IsString()
  @Matches(/^[A-Z0-9-]{4,32}$/)
  penaltyReference!: string;
  @Field() @ApiProperty({ example: 'BU-LONDON-01' }) @IsString() @Length(1, 32) businessUnit!: string;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() caseId?: string;
}

class AccountFilterParams {
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES }) @IsOptional() @IsIn(ACCOUNT_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32) businessUnit?: string;
}
export class AccountListQuery extends IntersectionType(AccountFilterParams, PageParams) {}

@InputType('ConsolidateFineAccountsInput')
export class ConsolidateBody {
  @Field(() => [ID], { description: 'The accounts of the same defendant to consolidate into this one.' })
  @ApiProperty({ type: [String], description: 'The accounts of the same defendant to consolidate into this one.' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  accountIds!: string[];
}

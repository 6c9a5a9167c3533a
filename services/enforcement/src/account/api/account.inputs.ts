import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { MAX_PENCE, PageParams } from '@ccsc/platform';
import { ACCOUNT_STATUSES } from '../domain/fine-account';
import { InputType } from '../../enforcement.graphql';
import { BUSINESS_UNIT_EXAMPLE } from '../../api-descriptions';

const PENALTY_BUSINESS_UNIT = 'The business unit that will administer the account: 1 to 32 characters.';
const PENALTY_AMOUNT = 'The penalty, in pence (a whole number, at least 1): imposed as a fine owed to central funds.';
const PENALTY_CASE =
  'The case the penalty belongs to, if any (its UUID in the cases service); the account then shows on that case.';

@InputType('RecordFixedPenaltyInput', {
  description: 'A fixed penalty to register for enforcement: each penalty reference is registered once.',
})
export class RegisterFixedPenaltyBody {
  @Field({ description: "The issuing authority's reference: capitals, digits and dashes, 4 to 32." })
  @ApiProperty({ example: 'FP-2026-000123' })
  @IsString()
  @Matches(/^[A-Z0-9-]{4,32}$/)
  penaltyReference!: string;
  @Field({ description: PENALTY_BUSINESS_UNIT })
  @ApiProperty({ example: BUSINESS_UNIT_EXAMPLE, description: PENALTY_BUSINESS_UNIT })
  @IsString()
  @Length(1, 32)
  businessUnit!: string;
  @Field(() => Int, { description: PENALTY_AMOUNT })
  @ApiProperty({ example: 10000, description: PENALTY_AMOUNT })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
  @Field(() => ID, { nullable: true, description: PENALTY_CASE })
  @ApiPropertyOptional({ format: 'uuid', description: PENALTY_CASE })
  @IsOptional()
  @IsUUID()
  caseId?: string;
}

class AccountFilterParams {
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES, description: 'Only accounts in this status.' })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: string;
  @ApiPropertyOptional({
    description: 'Only accounts of this business unit (exact match).',
    example: BUSINESS_UNIT_EXAMPLE,
  })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  businessUnit?: string;
}
export class AccountListQuery extends IntersectionType(AccountFilterParams, PageParams) {}

const CONSOLIDATED_IDS =
  "The accounts to consolidate into this one (UUIDs), 1 to 50, each once: live, and the same defendant's (the same party, or a party staff matched as the same person).";

@InputType('ConsolidateFineAccountsInput', {
  description: 'Which accounts of the same defendant to move into the account named alongside.',
})
export class ConsolidateBody {
  @Field(() => [ID], { description: CONSOLIDATED_IDS })
  @ApiProperty({
    type: [String],
    description: CONSOLIDATED_IDS,
    example: ['7c9e6679-7425-40de-944b-e07fc1f90ae7', '9b2d4f0a-5c1e-4e8b-a3d7-6f4e2c1b0a98'],
  })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  accountIds!: string[];
}

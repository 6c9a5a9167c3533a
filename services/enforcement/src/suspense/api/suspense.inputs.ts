import { Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageParams } from '@ccsc/platform';
import type { SuspenseReason } from '../../account/domain/fine-account';
import { SUSPENSE_REASONS, SUSPENSE_STATES, SuspenseState } from '../domain/suspense-item';
import { ArgsType, InputType } from '../../enforcement.graphql';
import { ACCOUNT_NUMBER_EXAMPLE } from '../../api-descriptions';

// Reason and state are strings rather than GraphQL enums: their values hold hyphens, which enum names may
// not, and REST and GraphQL keep one vocabulary this way.

/** What the suspense worklist is filtered by, over REST and GraphQL alike. */
@ArgsType()
export class SuspenseFilterParams {
  @Field(() => String, { nullable: true, description: `One of ${SUSPENSE_REASONS.join(', ')}.` })
  @ApiPropertyOptional({ enum: SUSPENSE_REASONS })
  @IsOptional()
  @IsIn(SUSPENSE_REASONS)
  reason?: SuspenseReason;
  @Field(() => String, { nullable: true, description: `One of ${SUSPENSE_STATES.join(', ')}.` })
  @ApiPropertyOptional({ enum: SUSPENSE_STATES })
  @IsOptional()
  @IsIn(SUSPENSE_STATES)
  state?: SuspenseState;
}

export class SuspenseListQuery extends IntersectionType(SuspenseFilterParams, PageParams) {}

@ArgsType()
export class SuspenseItemsArgs extends SuspenseFilterParams {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;
  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  after?: string;
}

const ALLOCATION_ACCOUNT =
  'The account the money was meant for: FA, eight digits and the check letter, in any case, with or without spaces or dashes. It must be live and owe something.';

@InputType('AllocateSuspenseItemInput', { description: 'The fine account held money goes to.' })
export class SuspenseAllocationBody {
  @Field({ description: ALLOCATION_ACCOUNT })
  @ApiProperty({ example: ACCOUNT_NUMBER_EXAMPLE, description: ALLOCATION_ACCOUNT })
  @IsString()
  @Length(1, 32)
  accountNumber!: string;
}

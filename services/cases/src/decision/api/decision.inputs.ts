import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsNotBlank } from '@ccsc/platform';
import { InputType } from '../../cases.graphql';
import { CASE_ID } from '../../api-descriptions';

const OUTCOME = 'What was decided, in a few words.';
const SUPERSEDES =
  'The decision this one corrects (its id): required once the case has a decision, and it must be the current one, which is superseded from now on.';
const COMMENTS = 'What the checker found; required when returning the decision. Only staff see it.';
const LEGAL_BASIS = 'The law or rule the decision rests on.';
const REASONS =
  'Why, in full: the findings, and the answer to any representations made. The parties read it, so it must stand on its own.';
import { CHECK_OUTCOMES, type CheckOutcome } from '../domain/decision';

@InputType({ description: 'A decision on a case, with what it rests on.' })
export class RecordDecisionBody {
  @Field({ description: OUTCOME })
  @ApiProperty({ example: 'Leave to remain curtailed', description: OUTCOME })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  outcome!: string;
  @Field({ description: LEGAL_BASIS })
  @ApiProperty({ example: 'Immigration Rules, paragraph 9.4.1', description: LEGAL_BASIS })
  @IsString()
  @Length(1, 500)
  @IsNotBlank()
  legalBasis!: string;
  @Field({ description: REASONS })
  @ApiProperty({
    example:
      'The employer named in the application confirmed that Mr Doe never worked for it. His representations do not explain the discrepancy.',
    description: REASONS,
  })
  @IsString()
  @Length(1, 20_000)
  @IsNotBlank()
  reasons!: string;
  @Field(() => [String], {
    description: 'References of the evidence relied on (document ids, bundle pages), at most 200; may be empty.',
  })
  @ApiProperty({
    type: [String],
    example: ['bundle p. 14', 'HMRC employment record 2024-25'],
    description: 'References of the evidence relied on (document ids, bundle pages), at most 200; may be empty.',
  })
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(200)
  evidenceReferences!: string[];
  @Field(() => ID, {
    nullable: true,
    description: SUPERSEDES,
  })
  @ApiPropertyOptional({
    format: 'uuid',
    description: SUPERSEDES,
  })
  @IsOptional()
  @IsUUID()
  supersedes?: string;
}

@InputType({ description: 'A decision on a case, with what it rests on.' })
export class RecordDecisionInput extends RecordDecisionBody {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
}

@InputType({ description: "A second person's check of a decision, before anything is served on its basis." })
export class CheckDecisionBody {
  @Field(() => String, { description: '`approved`, or `returned` for the decision maker to correct.' })
  @ApiProperty({
    enum: CHECK_OUTCOMES,
    example: 'returned',
    description: '`approved`, or `returned` for the decision maker to correct.',
  })
  @IsIn(CHECK_OUTCOMES)
  outcome!: CheckOutcome;
  @Field({ nullable: true, description: COMMENTS })
  @ApiPropertyOptional({
    example: 'The reasons do not answer the representations received on 14 December.',
    description: COMMENTS,
  })
  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  comments?: string;
}

@InputType({ description: "A second person's check of a decision on a case, before anything is served on its basis." })
export class CheckDecisionInput extends CheckDecisionBody {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
  @Field(() => ID, { description: "The decision to check: the case's current one (UUID)." })
  @IsUUID()
  decisionId!: string;
}

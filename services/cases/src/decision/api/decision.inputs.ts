import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { InputType } from '../../cases.graphql';
import { CHECK_OUTCOMES, type CheckOutcome } from '../domain/decision';

@InputType({ description: 'A decision on a case, with what it rests on.' })
export class RecordDecisionBody {
  @Field() @ApiProperty({ example: 'Leave to remain curtailed' }) @IsString() @Length(1, 200) outcome!: string;
  @Field()
  @ApiProperty({ example: 'Immigration Rules, paragraph 9.4.1' })
  @IsString()
  @Length(1, 500)
  legalBasis!: string;
  @Field() @ApiProperty() @IsString() @Length(1, 20_000) reasons!: string;
  @Field(() => [String], { description: 'References of the evidence relied on (document ids, bundle pages).' })
  @ApiProperty({ type: [String] })
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(200)
  evidenceReferences!: string[];
  @Field(() => ID, { nullable: true, description: 'The decision this one corrects.' })
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supersedes?: string;
}

@InputType()
export class RecordDecisionInput extends RecordDecisionBody {
  @Field(() => ID) @IsUUID() caseId!: string;
}

@InputType({ description: "A second person's check of a decision, before anything is served on its basis." })
export class CheckDecisionBody {
  @Field(() => String, { description: '`approved`, or `returned` for the decision maker to correct.' })
  @ApiProperty({ enum: CHECK_OUTCOMES })
  @IsIn(CHECK_OUTCOMES)
  outcome!: CheckOutcome;
  @Field({ nullable: true, description: 'What the checker found; required when returning the decision.' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  comments?: string;
}

@InputType()
export class CheckDecisionInput extends CheckDecisionBody {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => ID) @IsUUID() decisionId!: string;
}

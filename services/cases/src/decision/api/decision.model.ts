import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECK_OUTCOMES, type DecisionAsSeen } from '../domain/decision';
import { ObjectType } from '../../cases.graphql';
import { CASE_ID, USER_ID, USER_ID_EXAMPLE, UTC_INSTANT } from '../../api-descriptions';

const DECISION_ID = "The decision's id (UUID).";
const OUTCOME = 'What was decided, in a few words.';
const LEGAL_BASIS = 'The law or rule the decision rests on.';
const REASONS = 'Why, in full: the findings, and the answer to any representations made.';
const EVIDENCE = 'References of the evidence relied on (document ids, bundle pages); may be empty.';
const DECIDED_AT = `When the decision was recorded. ${UTC_INSTANT}`;
const SUPERSEDES = 'The decision this one corrected (its id); null when it corrected none.';
const SUPERSEDED_BY = 'The decision that corrected this one (its id); null while this one is current.';
const CHECKED_AT = `When the check was recorded. ${UTC_INSTANT}`;

@ObjectType('CaseDecisionCheck', { description: "A second person's check of a decision, recorded once." })
export class DecisionCheckModel {
  @Field({ description: '`approved`, or `returned` for the decision maker to correct.' })
  @ApiProperty({
    enum: CHECK_OUTCOMES,
    example: 'returned',
    description: '`approved`, or `returned` for the decision maker to correct.',
  })
  outcome!: string;
  @Field({
    nullable: true,
    description: `The checker, never the decision maker: ${USER_ID}. Staff only; null for anyone else.`,
  })
  @ApiPropertyOptional({
    example: 'team-leader-jo-evans',
    description: `The checker, never the decision maker: ${USER_ID}. Staff only; left out for anyone else.`,
  })
  checkedBy?: string;
  @Field({ description: CHECKED_AT }) @ApiProperty({ description: CHECKED_AT }) checkedAt!: Date;
  @Field({
    nullable: true,
    description: "The checker's comments (always given when returned). Staff only; null for anyone else.",
  })
  @ApiPropertyOptional({
    example: 'The reasons do not answer the representations received on 14 December.',
    description: "The checker's comments (always given when returned). Staff only; left out for anyone else.",
  })
  comments?: string;
}

@ObjectType('CaseDecision', { description: 'A decision as made; never edited, only superseded.' })
export class DecisionModel {
  @Field(() => ID, { description: DECISION_ID }) @ApiProperty({ format: 'uuid', description: DECISION_ID }) id!: string;
  /** Over REST only: GraphQL reaches it from its case. */
  @ApiProperty({ format: 'uuid', description: CASE_ID })
  caseId!: string;
  @Field({ description: OUTCOME })
  @ApiProperty({ example: 'Leave to remain curtailed', description: OUTCOME })
  outcome!: string;
  @Field({ description: LEGAL_BASIS })
  @ApiProperty({ example: 'Immigration Rules, paragraph 9.4.1', description: LEGAL_BASIS })
  legalBasis!: string;
  @Field({ description: REASONS })
  @ApiProperty({
    example:
      'The employer named in the application confirmed that Mr Doe never worked for it. His representations do not explain the discrepancy.',
    description: REASONS,
  })
  reasons!: string;
  @Field(() => [String], { description: EVIDENCE })
  @ApiProperty({ type: [String], example: ['bundle p. 14', 'HMRC employment record 2024-25'], description: EVIDENCE })
  evidenceReferences!: string[];
  @Field({ nullable: true, description: `The decision maker: ${USER_ID}. Staff only; null for anyone else.` })
  @ApiPropertyOptional({
    example: USER_ID_EXAMPLE,
    description: `The decision maker: ${USER_ID}. Staff only; left out for anyone else.`,
  })
  decidedBy?: string;
  @Field({ description: DECIDED_AT }) @ApiProperty({ description: DECIDED_AT }) decidedAt!: Date;
  @Field(() => ID, { nullable: true, description: SUPERSEDES })
  @ApiPropertyOptional({ format: 'uuid', description: SUPERSEDES })
  supersedes?: string;
  @Field(() => ID, { nullable: true, description: SUPERSEDED_BY })
  @ApiPropertyOptional({ format: 'uuid', description: SUPERSEDED_BY })
  supersededBy?: string;
  @Field({ description: 'True unless a later decision superseded it.' }) @ApiProperty() current!: boolean;
  @Field(() => DecisionCheckModel, { nullable: true, description: 'The check by a second person, once made.' })
  @ApiPropertyOptional({ type: DecisionCheckModel })
  check?: DecisionCheckModel;

  static from(decision: DecisionAsSeen): DecisionModel {
    return { ...decision, current: !decision.supersededBy };
  }
}

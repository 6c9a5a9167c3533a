import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECK_OUTCOMES, type DecisionAsSeen } from '../domain/decision';
import { ObjectType } from '../../cases.graphql';

@ObjectType('CaseDecisionCheck', { description: "A second person's check of a decision, recorded once." })
export class DecisionCheckModel {
  @Field({ description: '`approved`, or `returned` for the decision maker to correct.' })
  @ApiProperty({ enum: CHECK_OUTCOMES })
  outcome!: string;
  @Field({ nullable: true, description: 'The checker, never the decision maker; staff only.' })
  @ApiPropertyOptional()
  checkedBy?: string;
  @Field() @ApiProperty() checkedAt!: Date;
  @Field({ nullable: true, description: "The checker's comments; staff only." })
  @ApiPropertyOptional()
  comments?: string;
}

@ObjectType('CaseDecision', { description: 'A decision as made; never edited, only superseded.' })
export class DecisionModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty() outcome!: string;
  @Field() @ApiProperty() legalBasis!: string;
  @Field() @ApiProperty() reasons!: string;
  @Field(() => [String]) @ApiProperty({ type: [String] }) evidenceReferences!: string[];
  @Field({ nullable: true, description: 'The decision maker; staff only.' })
  @ApiPropertyOptional()
  decidedBy?: string;
  @Field() @ApiProperty() decidedAt!: Date;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() supersedes?: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() supersededBy?: string;
  @Field({ description: 'True unless a later decision superseded it.' }) @ApiProperty() current!: boolean;
  @Field(() => DecisionCheckModel, { nullable: true, description: 'The check by a second person, once made.' })
  @ApiPropertyOptional({ type: DecisionCheckModel })
  check?: DecisionCheckModel;

  static from(decision: DecisionAsSeen): DecisionModel {
    return { ...decision, current: !decision.supersededBy };
  }
}

import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Decision } from '../domain/decision';
import { ObjectType } from '../../cases.graphql';

@ObjectType('CaseDecision', { description: 'A decision as made; never edited, only superseded.' })
export class DecisionModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty() outcome!: string;
  @Field() @ApiProperty() legalBasis!: string;
  @Field() @ApiProperty() reasons!: string;
  @Field(() => [String]) @ApiProperty({ type: [String] }) evidenceReferences!: string[];
  @Field({ description: 'The decision maker.' }) @ApiProperty() decidedBy!: string;
  @Field() @ApiProperty() decidedAt!: Date;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() supersedes?: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() supersededBy?: string;
  @Field({ description: 'True unless a later decision superseded it.' }) @ApiProperty() current!: boolean;

  static from(decision: Decision): DecisionModel {
    return { ...decision, current: !decision.supersededBy };
  }
}

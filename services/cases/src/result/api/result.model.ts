import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../cases.graphql';
import { CASE_ID, USER_ID, USER_ID_EXAMPLE, UTC_INSTANT } from '../../api-descriptions';
import { ImpositionModel } from './result.inputs';

const RESULT_ID = "The result's id (UUID).";
const DEFENDANT = 'The defendant resulted: their party id on the case (UUID).';
const OUTCOME = "The court's outcome for the defendant, in words.";
const IMPOSITIONS = 'The financial penalties imposed, as recorded; empty when none.';
const RESULTED_BY = `Who recorded the result: ${USER_ID}.`;
const RESULTED_AT = `When the result was recorded. ${UTC_INSTANT}`;

@ObjectType('CaseResult', {
  description:
    "A court result of one defendant, as recorded. The case moves on by its type's `result` event once every defendant has one.",
})
export class CaseResultModel {
  @Field(() => ID, { description: RESULT_ID }) @ApiProperty({ format: 'uuid', description: RESULT_ID }) id!: string;
  @Field(() => ID, { description: CASE_ID }) @ApiProperty({ format: 'uuid', description: CASE_ID }) caseId!: string;
  @Field(() => ID, { description: DEFENDANT })
  @ApiProperty({ format: 'uuid', description: DEFENDANT })
  defendantPartyId!: string;
  @Field({ description: OUTCOME })
  @ApiProperty({ example: 'Guilty plea: fined', description: OUTCOME })
  outcome!: string;
  @Field(() => [ImpositionModel], { description: IMPOSITIONS })
  @ApiProperty({ type: [ImpositionModel], description: IMPOSITIONS })
  impositions!: ImpositionModel[];
  @Field({ description: RESULTED_BY })
  @ApiProperty({ example: USER_ID_EXAMPLE, description: RESULTED_BY })
  resultedBy!: string;
  @Field({ description: RESULTED_AT }) @ApiProperty({ description: RESULTED_AT }) resultedAt!: Date;
}

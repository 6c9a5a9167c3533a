import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../cases.graphql';

const RUN_ID = "The run's id (UUID), as it is recorded.";
const RUN_ON = 'The day the run was for (London), YYYY-MM-DD.';
const CALENDAR_VERSION = 'The working-day calendar (rules and published bank holidays) its dates come from.';
const TRIGGERED = 'Cases moved on by the event their deadline triggers.';
const WAITING =
  'Cases whose deadline has passed but whose event is not possible yet (a readiness criterion is not met): left as they are for a person, and the next run.';

@ObjectType('CaseDeadlineRun', { description: 'A run of the case deadlines: the events their passing triggers.' })
export class DeadlineRunModel {
  @Field(() => ID, { description: RUN_ID }) @ApiProperty({ format: 'uuid', description: RUN_ID }) id!: string;
  @Field({ description: RUN_ON }) @ApiProperty({ example: '2026-12-30', description: RUN_ON }) runOn!: string;
  @Field({ description: CALENDAR_VERSION })
  @ApiProperty({ example: 'ew-rules-1+govuk-2018-2027-d74ae29e', description: CALENDAR_VERSION })
  calendarVersion!: string;
  @Field(() => Int, { description: TRIGGERED })
  @ApiProperty({ type: 'integer', example: 12, description: TRIGGERED })
  triggered!: number;
  @Field(() => Int, { description: WAITING })
  @ApiProperty({ type: 'integer', example: 1, description: WAITING })
  waiting!: number;
}

import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../cases.graphql';

@ObjectType('CaseDeadlineRun', { description: 'A run of the case deadlines: the events their passing triggers.' })
export class DeadlineRunModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field({ description: 'The day the run was for (London), YYYY-MM-DD.' }) @ApiProperty() runOn!: string;
  @Field({ description: 'The working-day calendar (rules and published bank holidays) its dates come from.' })
  @ApiProperty()
  calendarVersion!: string;
  @Field(() => Int, { description: 'Cases moved on by the event their deadline triggers.' })
  @ApiProperty()
  triggered!: number;
  @Field(() => Int, { description: 'Cases whose deadline has passed but whose event waits for something else.' })
  @ApiProperty()
  waiting!: number;
}

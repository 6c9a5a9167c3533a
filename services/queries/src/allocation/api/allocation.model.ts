import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../queries.graphql';

@ObjectType('WorkQueue', { description: "A team's queue of enquiries." })
export class WorkQueueModel {
  @Field(() => ID) @ApiProperty({ example: 'general' }) id!: string;
  @Field() @ApiProperty() team!: string;
  @Field() @ApiProperty() name!: string;
  @Field(() => Int, { description: 'Open enquiries waiting to be taken.' })
  @ApiProperty({ description: 'Open enquiries waiting to be taken.' })
  waiting!: number;
}

@ObjectType('OfficerWorkload', { description: "An officer's open enquiries." })
export class OfficerWorkloadModel {
  @Field() @ApiProperty() officer!: string;
  @Field(() => Int) @ApiProperty() open!: number;
  @Field(() => Int) @ApiProperty() awaitingCustomer!: number;
  @Field(() => Int) @ApiProperty() urgent!: number;
}

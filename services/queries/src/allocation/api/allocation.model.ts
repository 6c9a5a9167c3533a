import { Field, ID, Int } from '@nestjs/graphql';
import { ObjectType } from '../../queries.graphql';

@ObjectType('WorkQueue', { description: "A team's queue of enquiries." })
export class WorkQueueModel {
  @Field(() => ID) id!: string;
  @Field() team!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'Open enquiries waiting to be taken.' }) waiting!: number;
}

@ObjectType('OfficerWorkload', { description: "An officer's open enquiries." })
export class OfficerWorkloadModel {
  @Field() officer!: string;
  @Field(() => Int) open!: number;
  @Field(() => Int) awaitingCustomer!: number;
  @Field(() => Int) urgent!: number;
}

import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../queries.graphql';
import { USER_ID } from '../../enquiry/api/enquiry.model';

export const QUEUE_CODE = "The queue's code, e.g. general, civil, fees or welsh.";
const TEAM = 'The team that works the queue, e.g. contact-centre, civil or welsh-language.';
const QUEUE_NAME = "The queue's name as officers see it.";
const WAITING = 'Open enquiries waiting to be taken: new, triaged or escalated, and assigned to nobody.';
const OFFICER = `The officer: ${USER_ID}.`;
const OPEN = 'Enquiries assigned to the officer that are not yet resolved or closed.';
const AWAITING_CUSTOMER = 'Of those, how many wait for the customer (their SLA clocks are paused).';
const URGENT = 'Of those, how many are urgent.';

@ObjectType('WorkQueue', { description: "A team's queue of enquiries." })
export class WorkQueueModel {
  @Field(() => ID, { description: QUEUE_CODE })
  @ApiProperty({ example: 'general', description: QUEUE_CODE })
  id!: string;
  @Field({ description: TEAM }) @ApiProperty({ example: 'contact-centre', description: TEAM }) team!: string;
  @Field({ description: QUEUE_NAME })
  @ApiProperty({ example: 'General enquiries', description: QUEUE_NAME })
  name!: string;
  @Field(() => Int, { description: WAITING })
  @ApiProperty({ description: WAITING, example: 12 })
  waiting!: number;
}

@ObjectType('OfficerWorkload', {
  description: "An officer's open enquiries; only officers with at least one appear, busiest first.",
})
export class OfficerWorkloadModel {
  @Field({ description: OFFICER }) @ApiProperty({ description: OFFICER, example: 'officer-sam' }) officer!: string;
  @Field(() => Int, { description: OPEN }) @ApiProperty({ description: OPEN, example: 8 }) open!: number;
  @Field(() => Int, { description: AWAITING_CUSTOMER })
  @ApiProperty({ description: AWAITING_CUSTOMER, example: 2 })
  awaitingCustomer!: number;
  @Field(() => Int, { description: URGENT }) @ApiProperty({ description: URGENT, example: 1 }) urgent!: number;
}

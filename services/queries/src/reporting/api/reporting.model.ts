import { Field, Int } from '@nestjs/graphql';
import { ObjectType } from '../../queries.graphql';

@ObjectType('EnquiryFigures', {
  description: 'Enquiry management information for one London day, team, channel and category.',
})
export class EnquiryFiguresModel {
  @Field() day!: string;
  @Field() team!: string;
  @Field() channel!: string;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => Int) received!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Int, { description: 'Resolved without waiting for the customer, escalation or more than one reply.' })
  resolvedAtFirstContact!: number;
  @Field(() => Int, { description: 'Resolution SLA met.' }) slaMet!: number;
  @Field(() => Int, { description: 'Resolution SLA missed or breached.' }) slaMissed!: number;
  @Field(() => Int, { nullable: true, description: 'Mean minutes from receipt to resolution.' })
  averageHandlingMinutes!: number | null;
}

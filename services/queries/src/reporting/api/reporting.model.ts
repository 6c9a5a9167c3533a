import { Field, Int } from '@nestjs/graphql';
import { ENQUIRY_CHANNELS } from '@ccsc/contracts';
import { ObjectType } from '../../queries.graphql';

@ObjectType('EnquiryFigures', {
  description: 'Enquiry management information for one London day, team, channel and category.',
})
export class EnquiryFiguresModel {
  @Field({ description: 'The London day the enquiries were received, YYYY-MM-DD.' }) day!: string;
  @Field({
    description:
      'The team whose queue the enquiries are in now (e.g. contact-centre, civil), or unallocated for those in no queue.',
  })
  team!: string;
  @Field({ description: `The channel they came in on: one of ${ENQUIRY_CHANNELS.join(', ')}.` }) channel!: string;
  @Field(() => String, { nullable: true, description: 'Their category code; null for those raised without one.' })
  category!: string | null;
  @Field(() => Int, { description: 'Enquiries received.' }) received!: number;
  @Field(() => Int, {
    description: 'Of those, how many were resolved and not reopened since (closed after resolving included).',
  })
  resolved!: number;
  @Field(() => Int, { description: 'Resolved without waiting for the customer, escalation or more than one reply.' })
  resolvedAtFirstContact!: number;
  @Field(() => Int, { description: 'Resolution SLA met.' }) slaMet!: number;
  @Field(() => Int, { description: 'Resolution SLA missed or breached.' }) slaMissed!: number;
  @Field(() => Int, { nullable: true, description: 'Mean minutes from receipt to resolution.' })
  averageHandlingMinutes!: number | null;
}

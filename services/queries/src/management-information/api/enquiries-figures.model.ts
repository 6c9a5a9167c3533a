import { Field, Float, Int } from '@nestjs/graphql';
import { ENQUIRY_CHANNELS } from '@ccsc/contracts';
import { ObjectType } from '../../queries.graphql';
import type { EnquiriesByChannel, EnquiriesFigures, EnquiriesPeriod } from '../domain/enquiries-figures';

const RECEIVED = 'Enquiries received (created) in the period, by the London time they came in.';
const ANSWERED =
  'Enquiries answered (resolved) in the period, by the time of answering, whenever received; one reopened since is no longer answered, one closed after resolving still is.';
const ANSWERED_WITHIN_SLA =
  'Of those answered in the period, the ones answered by their SLA target: the resolution clock stopped by its due time (time waiting for the customer does not count).';
const FIRST_CONTACT_RESOLVED =
  'Of those answered in the period, the ones resolved at first contact: without waiting for the customer, without escalation and with at most one reply.';

@ObjectType('MiEnquiriesByChannel', {
  description: 'Enquiries of one channel over the whole period.',
})
export class MiEnquiriesByChannelModel implements EnquiriesByChannel {
  @Field({ description: `The channel the enquiries came in on: one of ${ENQUIRY_CHANNELS.join(', ')}.` })
  channel!: string;
  @Field(() => Int, { description: RECEIVED }) received!: number;
  @Field(() => Int, { description: ANSWERED }) answered!: number;
  @Field(() => Int, { description: ANSWERED_WITHIN_SLA }) answeredWithinSla!: number;
  @Field(() => Int, { description: FIRST_CONTACT_RESOLVED }) firstContactResolved!: number;
}

@ObjectType('MiEnquiriesPeriod', { description: 'The enquiry figures of one day, week or month of the period.' })
export class MiEnquiriesPeriodModel implements EnquiriesPeriod {
  @Field({ description: 'Its first London day within the period, YYYY-MM-DD.' }) start!: string;
  @Field(() => Int, { description: RECEIVED }) received!: number;
  @Field(() => Int, { description: ANSWERED }) answered!: number;
  @Field(() => Int, { description: ANSWERED_WITHIN_SLA }) answeredWithinSla!: number;
  @Field(() => Int, { description: FIRST_CONTACT_RESOLVED }) firstContactResolved!: number;
}

@ObjectType('MiEnquiries', {
  description:
    'Enquiries in the period: received, answered, answered within SLA and resolved at first contact, by channel and per day, week or month.',
})
export class MiEnquiriesModel implements EnquiriesFigures {
  @Field(() => Int, { description: RECEIVED }) received!: number;
  @Field(() => Int, { description: ANSWERED }) answered!: number;
  @Field(() => Int, { description: ANSWERED_WITHIN_SLA }) answeredWithinSla!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'answeredWithinSla / answered × 100; null when none was answered in the period.',
  })
  slaMetPercent!: number | null;
  @Field(() => Int, { description: FIRST_CONTACT_RESOLVED }) firstContactResolved!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'firstContactResolved / answered × 100; null when none was answered in the period.',
  })
  firstContactResolutionPercent!: number | null;
  @Field(() => [MiEnquiriesByChannelModel], {
    description:
      'The same counts for every channel with an enquiry received or answered in the period, in channel order; empty when none.',
  })
  byChannel!: MiEnquiriesByChannelModel[];
  @Field(() => [MiEnquiriesPeriodModel], {
    description: 'The counts of each day, week or month of the period, in order, a quiet one as zeros.',
  })
  periods!: MiEnquiriesPeriodModel[];
}

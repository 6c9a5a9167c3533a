import { Field, Float, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ENQUIRY_CHANNELS } from '@ccsc/contracts';
import { ObjectType } from '../../queries.graphql';
import { SLA_CLOCKS, SLA_UNITS } from '../domain/sla-clock';

/** What a policy's fields mean, the same on the policy and on the input that sets it. */
export const POLICY = {
  channel: 'The channel it applies to; null for every channel.',
  category: 'The category code it applies to; null for every category.',
  clock:
    "Which clock: first-response (until the service centre's first reply) or resolution (until the enquiry is resolved or closed).",
  unit: "working-hours (counted in the service centre's opening hours) or working-days (England and Wales working days).",
  amount:
    'The target in the unit: working hours, more than 0 and at most 500 (may be fractional: 0.25 is 15 minutes), or a whole number of working days from 1 to 60.',
};

const RAN_AT = 'When the run happened.';

@ObjectType('SlaRunResult', { description: 'What one SLA run flagged.' })
export class SlaRunResultModel {
  @Field(() => Int, { description: 'Clocks newly at risk.' })
  @ApiProperty({ description: 'Clocks newly at risk.', example: 3 })
  atRisk!: number;
  @Field(() => Int, { description: 'Clocks newly breached (each published as enquiry-sla-breached).' })
  @ApiProperty({ description: 'Clocks newly breached (each published as enquiry-sla-breached).', example: 1 })
  breached!: number;
  @Field({ description: RAN_AT }) @ApiProperty({ description: RAN_AT }) ranAt!: Date;
}

@ObjectType('SlaPolicy', {
  description:
    'An SLA target for a channel and/or category (null: any). An enquiry takes, for each clock, the most specific policy that covers it: channel and category, then category, then channel, then the default.',
})
export class SlaPolicyModel {
  @Field(() => String, { nullable: true, description: POLICY.channel })
  @ApiProperty({ enum: ENQUIRY_CHANNELS, nullable: true, description: POLICY.channel })
  channel!: string | null;
  @Field(() => String, { nullable: true, description: POLICY.category })
  @ApiProperty({ type: String, nullable: true, description: POLICY.category, example: 'hearing' })
  category!: string | null;
  @Field({ description: POLICY.clock }) @ApiProperty({ enum: SLA_CLOCKS, description: POLICY.clock }) clock!: string;
  @Field({ description: POLICY.unit }) @ApiProperty({ enum: SLA_UNITS, description: POLICY.unit }) unit!: string;
  @Field(() => Float, { description: POLICY.amount })
  @ApiProperty({ description: POLICY.amount, example: 1 })
  amount!: number;
}

import { Field, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../complaints.graphql';

const STAGE = 'The stage: 1 (response), 2 (senior manager review) or 3 (customer investigations appeal).';
const STAGE_RECEIVED = 'Stages started in the period: new complaints at stage 1, escalations at stages 2 and 3.';
const ANSWERED = 'Stages of this number whose response was sent in the period, whenever they started.';
const ANSWERED_ON_TIME = 'Of those answered in the period, the ones answered by their deadline.';

@ObjectType('ComplaintStageFigures', { description: 'The figures of one complaint stage in the period.' })
export class StageFiguresModel {
  @Field(() => Int, { description: STAGE }) @ApiProperty({ enum: [1, 2, 3], description: STAGE }) stage!: number;
  @Field(() => Int, { description: STAGE_RECEIVED })
  @ApiProperty({ example: 118, description: STAGE_RECEIVED })
  received!: number;
  @Field(() => Int, { description: ANSWERED }) @ApiProperty({ example: 104, description: ANSWERED }) answered!: number;
  @Field(() => Int, { description: ANSWERED_ON_TIME })
  @ApiProperty({ example: 97, description: ANSWERED_ON_TIME })
  answeredOnTime!: number;
}

const CATEGORY = "The complaints' category code, e.g. delay.";
const BUSINESS_AREA = 'The business area their root cause was fed back to, e.g. civil-listing.';
const CLOSED = 'Complaints of this category and business area closed in the period.';
const UPHELD = 'Of those closed, the ones whose outcome at closing was upheld.';
const PARTIALLY_UPHELD = 'Of those closed, the ones whose outcome at closing was partially upheld.';
const NOT_UPHELD = 'Of those closed, the ones whose outcome at closing was not upheld.';
const UPHELD_RATE = 'Upheld or partially upheld, in whole per cent of those closed (rounded).';

@ObjectType('ComplaintOutcomeFigures', {
  description: 'Complaints closed in the period, by category and business area.',
})
export class OutcomeFiguresModel {
  @Field({ description: CATEGORY }) @ApiProperty({ example: 'delay', description: CATEGORY }) category!: string;
  @Field({ description: BUSINESS_AREA })
  @ApiProperty({ example: 'civil-listing', description: BUSINESS_AREA })
  businessArea!: string;
  @Field(() => Int, { description: CLOSED }) @ApiProperty({ example: 12, description: CLOSED }) closed!: number;
  @Field(() => Int, { description: UPHELD }) @ApiProperty({ example: 4, description: UPHELD }) upheld!: number;
  @Field(() => Int, { description: PARTIALLY_UPHELD })
  @ApiProperty({ example: 3, description: PARTIALLY_UPHELD })
  partiallyUpheld!: number;
  @Field(() => Int, { description: NOT_UPHELD })
  @ApiProperty({ example: 5, description: NOT_UPHELD })
  notUpheld!: number;
  @Field(() => Int, { description: UPHELD_RATE })
  @ApiProperty({ example: 58, description: UPHELD_RATE })
  upheldRatePercent!: number;
}

const PERIOD = 'day or month: the period the figures cover.';
const START = 'The London day (YYYY-MM-DD) or month (YYYY-MM) asked for.';
const FROM = 'The start of the period: midnight London time at the start of the day or month.';
const TO = 'The end of the period, not included: midnight London time at the start of the next day or month.';
const RECEIVED = 'New complaints (stage 1) received in the period; the same as stage 1 of stages.';
const STAGES = 'The figures of each stage, 1 to 3, zeros included.';
const OUTCOMES = 'Complaints closed in the period, by category and business area; empty when none were closed.';

@ObjectType('ComplaintMi', { description: 'Daily or monthly complaint figures (London days).' })
export class ComplaintMiModel {
  @Field({ description: PERIOD })
  @ApiProperty({ enum: ['day', 'month'], example: 'month', description: PERIOD })
  period!: string;
  @Field({ description: START }) @ApiProperty({ example: '2026-11', description: START }) start!: string;
  @Field({ description: FROM }) @ApiProperty({ example: '2026-11-01T00:00:00.000Z', description: FROM }) from!: Date;
  @Field({ description: TO }) @ApiProperty({ example: '2026-12-01T00:00:00.000Z', description: TO }) to!: Date;
  @Field(() => Int, { description: RECEIVED }) @ApiProperty({ example: 118, description: RECEIVED }) received!: number;
  @Field(() => [StageFiguresModel], { description: STAGES })
  @ApiProperty({ type: [StageFiguresModel], description: STAGES })
  stages!: StageFiguresModel[];
  @Field(() => [OutcomeFiguresModel], { description: OUTCOMES })
  @ApiProperty({ type: [OutcomeFiguresModel], description: OUTCOMES })
  outcomes!: OutcomeFiguresModel[];
}

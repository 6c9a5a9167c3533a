import { Field, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../enforcement.graphql';

const RUN_ON = 'The day it ran for (London), YYYY-MM-DD.';
const DEFAULTED = 'Accounts it put in default.';
const ACTIONS = 'Enforcement actions it took.';
const WARRANTS = 'Warrants those actions issued.';
const EXPIRED = 'Warrants left unexecuted past their last day, now expired.';
const DURATION = 'How long the run took, in milliseconds.';

@ObjectType('FineDefaultRun', { description: 'What one default run did.' })
export class DefaultRunModel {
  @Field({ description: RUN_ON })
  @ApiProperty({ format: 'date', description: RUN_ON, example: '2026-03-01' })
  runOn!: string;
  @Field(() => Int, { description: DEFAULTED })
  @ApiProperty({ type: 'integer', description: DEFAULTED, example: 12 })
  defaulted!: number;
  @Field(() => Int, { description: ACTIONS })
  @ApiProperty({ type: 'integer', description: ACTIONS, example: 30 })
  actions!: number;
  @Field(() => Int, { description: WARRANTS })
  @ApiProperty({ type: 'integer', description: WARRANTS, example: 3 })
  warrants!: number;
  @Field(() => Int, { description: EXPIRED })
  @ApiProperty({ type: 'integer', description: EXPIRED, example: 1 })
  expiredWarrants!: number;
  @Field(() => Int, { description: DURATION })
  @ApiProperty({ type: 'integer', description: DURATION, example: 840 })
  durationMs!: number;
}

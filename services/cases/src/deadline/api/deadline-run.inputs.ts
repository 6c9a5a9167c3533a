import { Field } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDay } from '@ccsc/platform';
import { InputType } from '../../cases.graphql';

const RUN_ON =
  'The day to run for (London), YYYY-MM-DD: today or an earlier day, never a day to come; today when absent. Deadlines that had passed by that day are acted on.';

@InputType('RunCaseDeadlinesInput', { description: 'The day a case-deadline run is for.' })
export class DeadlineRunBody {
  @Field(() => String, { nullable: true, description: RUN_ON })
  @ApiPropertyOptional({ description: RUN_ON, example: '2026-12-30' })
  @IsOptional()
  @IsLocalDay()
  runOn?: string;
}

import { Field } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDay } from '@ccsc/platform';
import { InputType } from '../../enforcement.graphql';

const RUN_ON = 'The day to run for (London), YYYY-MM-DD: today or an earlier day; today when absent.';

@InputType('RunFineDefaultsInput', { description: 'Which day the default run is for.' })
export class DefaultRunBody {
  @Field(() => String, { nullable: true, description: RUN_ON })
  @ApiPropertyOptional({ description: RUN_ON, example: '2026-03-01' })
  @IsOptional()
  @IsLocalDay()
  runOn?: string;
}

import { Field } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDay } from '@ccsc/platform';
import { InputType } from '../../cases.graphql';

@InputType('RunCaseDeadlinesInput')
export class DeadlineRunBody {
  @Field(() => String, { nullable: true, description: 'The day to run for (London), YYYY-MM-DD; today when absent.' })
  @ApiPropertyOptional({ description: 'The day to run for (London); today when absent.', example: '2026-12-30' })
  @IsOptional()
  @IsLocalDay()
  runOn?: string;
}

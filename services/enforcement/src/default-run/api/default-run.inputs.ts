import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDay } from '@ccsc/platform';

export class DefaultRunBody {
  @ApiPropertyOptional({ description: 'The day to run for (London); today when absent.', example: '2026-03-01' })
  @IsOptional()
  @IsLocalDay()
  runOn?: string;
}

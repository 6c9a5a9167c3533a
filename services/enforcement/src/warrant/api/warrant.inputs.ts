import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { WARRANT_STATUSES, WarrantStatus } from '../domain/warrant';

export class WarrantOutcomeBody {
  @ApiProperty({ enum: WARRANT_STATUSES }) @IsIn(WARRANT_STATUSES) status!: WarrantStatus;
  @ApiPropertyOptional({ description: 'The enforcement agent the warrant is given to.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  agent?: string;
  @ApiPropertyOptional({ description: 'What an executed warrant collected, in pence.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  collectedPence?: number;
}

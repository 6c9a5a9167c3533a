import { ApiProperty } from '@nestjs/swagger';
import { IsLocalDay } from '@ccsc/platform';

export class ReconciliationArgs {
  @ApiProperty({ example: '2026-12-01', description: 'A day in England.' }) @IsLocalDay() date!: string;
}

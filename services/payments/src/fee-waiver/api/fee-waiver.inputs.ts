import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class FeeWaiverDecisionBody {
  @ApiProperty({ description: 'true remits the fee (up to what is left of it); false rejects the waiver.' })
  @IsBoolean()
  approve!: boolean;
}

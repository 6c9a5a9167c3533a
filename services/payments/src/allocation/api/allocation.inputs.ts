import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { ALLOCATION_TARGETS, AllocationTarget } from '../domain/allocation';

export class AllocateBody {
  @ApiProperty({ enum: ALLOCATION_TARGETS }) @IsIn(ALLOCATION_TARGETS) target!: AllocationTarget;
  @ApiPropertyOptional({ description: 'For a service request: the case.' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ description: "For a fine account: enforcement's account number." })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  fineAccountNumber?: string;
  @ApiPropertyOptional({ description: 'Defaults to all that is left of the payment.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;
  @ApiPropertyOptional({ description: 'Required for unidentified: why it could not be placed.' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class VerifyBody {
  @ApiProperty({ description: 'true verifies the allocation; false rejects it and frees the amount.' })
  @IsBoolean()
  approve!: boolean;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { REFUND_REASONS, RefundReason } from '../domain/refund';

export class RequestRefundBody {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @ApiProperty({ enum: REFUND_REASONS }) @IsIn(REFUND_REASONS) reason!: RefundReason;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class RefundDecisionBody {
  @ApiProperty({ enum: ['approve', 'reject', 'return'] })
  @IsIn(['approve', 'reject', 'return'])
  decision!: 'approve' | 'reject' | 'return';
  @ApiPropertyOptional({ description: 'Why; read by the requester when returned.' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class ResubmitRefundBody {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FEE_WAIVER_STATUSES, FeeWaiver } from '../domain/fee-waiver';

export class FeeWaiverModel {
  @ApiProperty() id!: string;
  @ApiProperty() complaintId!: string;
  @ApiProperty() remedyId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'FEE0209' }) feeCode!: string;
  @ApiProperty() amountPence!: number;
  @ApiProperty({ enum: FEE_WAIVER_STATUSES }) status!: string;
  @ApiProperty({ description: 'The officer who agreed the remedy.' }) requestedBy!: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional({ description: 'What the approval remitted.' }) remittedPence?: number;

  static from(w: FeeWaiver): FeeWaiverModel {
    return {
      id: w.id,
      complaintId: w.complaintId,
      remedyId: w.remedyId,
      caseId: w.caseId,
      feeCode: w.feeCode,
      amountPence: w.amountPence,
      status: w.status,
      requestedBy: w.requestedBy,
      decidedBy: w.decidedBy ?? undefined,
      remittedPence: w.remittedPence ?? undefined,
    };
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Refund, REFUND_REASONS } from '../domain/refund';

export class RefundModel {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['refund', 'consolatory-payment'] }) kind!: string;
  @ApiPropertyOptional() caseId?: string;
  @ApiProperty() amountPence!: number;
  @ApiProperty({ enum: REFUND_REASONS }) reason!: string;
  @ApiProperty({ enum: ['awaiting-approval', 'returned-for-update', 'approved', 'rejected', 'paid'] }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() remedyId?: string;

  static from(r: Refund): RefundModel {
    return {
      id: r.id,
      kind: r.kind,
      amountPence: r.amountPence,
      reason: r.reason,
      status: r.status,
      requestedBy: r.requestedBy,
      caseId: r.caseId ?? undefined,
      decidedBy: r.decidedBy ?? undefined,
      note: r.note ?? undefined,
      remedyId: r.remedyId ?? undefined,
    };
  }
}

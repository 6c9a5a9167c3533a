import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ObjectType } from '../../payments.graphql';
import { FEE_WAIVER_STATUSES, FeeWaiver } from '../domain/fee-waiver';

@ObjectType('FeeWaiver', {
  description: "A fee waived as a complaint's remedy, remitted once a second person approves.",
})
export class FeeWaiverModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => ID) @ApiProperty() complaintId!: string;
  @Field(() => ID) @ApiProperty() remedyId!: string;
  @Field(() => ID) @ApiProperty() caseId!: string;
  @Field() @ApiProperty({ example: 'FEE0209' }) feeCode!: string;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field({ description: FEE_WAIVER_STATUSES.join(', ') })
  @ApiProperty({ enum: FEE_WAIVER_STATUSES })
  status!: string;
  @Field({ description: 'The officer who agreed the remedy.' })
  @ApiProperty({ description: 'The officer who agreed the remedy.' })
  requestedBy!: string;
  @Field({ nullable: true }) @ApiPropertyOptional() decidedBy?: string;
  @Field(() => Int, { nullable: true, description: 'What the approval remitted.' })
  @ApiPropertyOptional({ description: 'What the approval remitted.' })
  remittedPence?: number;

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

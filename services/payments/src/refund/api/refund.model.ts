import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFUND_STATUSES } from '@ccsc/contracts';
import { ObjectType } from '../../payments.graphql';
import { Refund, REFUND_REASONS } from '../domain/refund';

@ObjectType('Refund', { description: 'A refund or consolatory payment: asked for, approved by a second person, paid.' })
export class RefundModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field({ description: 'refund or consolatory-payment.' })
  @ApiProperty({ enum: ['refund', 'consolatory-payment'] })
  kind!: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() caseId?: string;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field({ description: REFUND_REASONS.join(', ') }) @ApiProperty({ enum: REFUND_REASONS }) reason!: string;
  @Field({ description: REFUND_STATUSES.join(', ') }) @ApiProperty({ enum: REFUND_STATUSES }) status!: string;
  @Field() @ApiProperty() requestedBy!: string;
  @Field({ nullable: true }) @ApiPropertyOptional() decidedBy?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() note?: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() remedyId?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The enforcement suspense item it returns, for a refund of suspense.',
  })
  @ApiPropertyOptional({ description: 'The enforcement suspense item it returns, for a refund of suspense.' })
  suspenseId?: string;
  @Field(() => ID, { nullable: true, description: 'For a refund of suspense: the payment it gives back.' })
  @ApiPropertyOptional({ description: 'For a refund of suspense: the payment it gives back.' })
  paymentId?: string;
  @Field({ nullable: true, description: 'For a refund of suspense: the fine account the payment went to.' })
  @ApiPropertyOptional({ description: 'For a refund of suspense: the fine account the payment went to.' })
  fineAccountNumber?: string;

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
      suspenseId: r.suspenseId ?? undefined,
      paymentId: r.paymentId ?? undefined,
      fineAccountNumber: r.fineAccountNumber ?? undefined,
    };
  }
}

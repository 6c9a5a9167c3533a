import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { InputType } from '../../payments.graphql';
import { REQUESTABLE_REFUND_REASONS, RefundReason } from '../domain/refund';

const DECISIONS = ['approve', 'reject', 'return'] as const;

@InputType('RequestRefundInput', {
  description: 'A refund of what was paid on a case, for a second person to approve.',
})
export class RequestRefundBody {
  @Field(() => ID) @ApiProperty() @IsUUID() caseId!: string;
  @Field(() => Int) @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @Field(() => String, { description: REQUESTABLE_REFUND_REASONS.join(', ') })
  @ApiProperty({ enum: REQUESTABLE_REFUND_REASONS })
  @IsIn(REQUESTABLE_REFUND_REASONS)
  reason!: RefundReason;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) note?: string;
}

@InputType('RefundDecisionInput', { description: "An approver's decision on a refund." })
export class RefundDecisionBody {
  @Field(() => String, { description: DECISIONS.join(', ') })
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: (typeof DECISIONS)[number];
  @Field({ nullable: true, description: 'Why; read by the requester when returned.' })
  @ApiPropertyOptional({ description: 'Why; read by the requester when returned.' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

@InputType('ResubmitRefundInput', { description: 'The updated amount of a returned refund.' })
export class ResubmitRefundBody {
  @Field(() => Int) @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
}

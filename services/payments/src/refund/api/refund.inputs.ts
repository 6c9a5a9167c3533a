import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { CASE_ID, PENCE } from '../../api-descriptions';
import { InputType } from '../../payments.graphql';
import { REQUESTABLE_REFUND_REASONS, RefundReason } from '../domain/refund';

const DECISIONS = ['approve', 'reject', 'return'] as const;
const REFUND_AMOUNT = `What to pay back: no more than the overpayment on the case, less refunds asked for and not yet decided (a complaint remedy: no more than was paid, less the case's other complaint remedies not rejected). ${PENCE}`;
const REFUND_REASON = `Why: ${REQUESTABLE_REFUND_REASONS.map((r) => `\`${r}\``).join(', ')}.`;
const REFUND_NOTE = 'Anything the approver should know, up to 500 characters.';
const DECISION =
  '`approve` (the money goes back the way it came), `reject`, or `return` (sent back to the requester to update the amount).';
const RESUBMIT_AMOUNT = `The updated amount, within what is refundable now. ${PENCE}`;

@InputType('RequestRefundInput', {
  description: 'A refund of what was paid on a case, for a second person to approve.',
})
export class RequestRefundBody {
  @Field(() => ID, { description: CASE_ID })
  @ApiProperty({ description: CASE_ID, format: 'uuid' })
  @IsUUID()
  caseId!: string;
  @Field(() => Int, { description: REFUND_AMOUNT })
  @ApiProperty({ description: REFUND_AMOUNT, example: 5000 })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
  @Field(() => String, { description: REFUND_REASON })
  @ApiProperty({ enum: REQUESTABLE_REFUND_REASONS, description: 'Why.' })
  @IsIn(REQUESTABLE_REFUND_REASONS)
  reason!: RefundReason;
  @Field({ nullable: true, description: REFUND_NOTE })
  @ApiPropertyOptional({
    description: REFUND_NOTE,
    example: 'Paid twice by card on 3 March; refund the second payment',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

@InputType('RefundDecisionInput', { description: "An approver's decision on a refund." })
export class RefundDecisionBody {
  @Field(() => String, { description: DECISION })
  @ApiProperty({ enum: DECISIONS, description: DECISION })
  @IsIn(DECISIONS)
  decision!: (typeof DECISIONS)[number];
  @Field({ nullable: true, description: 'Why; read by the requester when returned.' })
  @ApiPropertyOptional({
    description: 'Why; read by the requester when returned.',
    example: 'The second payment was refunded already; please check the amount',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

@InputType('ResubmitRefundInput', { description: 'The updated amount of a returned refund.' })
export class ResubmitRefundBody {
  @Field(() => Int, { description: RESUBMIT_AMOUNT })
  @ApiProperty({ description: RESUBMIT_AMOUNT, example: 4500 })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
}

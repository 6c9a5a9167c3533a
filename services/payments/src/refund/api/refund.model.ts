import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFUND_STATUSES } from '@ccsc/contracts';
import { CASE_ID, CURSOR_EXAMPLE, NEXT_CURSOR, PENCE, REFUND_ID, USER_ID } from '../../api-descriptions';
import { ObjectType } from '../../payments.graphql';
import { Refund, REFUND_REASONS } from '../domain/refund';

const KIND =
  "`refund` (money paid back) or `consolatory-payment` (a payment a complaint's remedy makes, not a return of money paid).";
const REFUND_CASE = `${CASE_ID} Not given for a refund of enforcement's suspense, nor for a consolatory payment that names no case.`;
const AMOUNT = `What is paid back. ${PENCE}`;
export const REFUND_REASON =
  "`overpayment`, `help-with-fees-after-payment`, `duplicate-payment`, `court-order`, `complaint-remedy` (raised by a complaint's agreed remedy) or `enforcement-suspense` (money enforcement held in suspense, returned at its request).";
const STATUS =
  '`awaiting-approval`, `returned-for-update` (the approver sent it back: the requester updates the amount and resubmits), `approved` (the money is on its way back), `rejected` or `paid` (recorded as paid out).';
const REQUESTED_BY = `Who asked for it, by ${USER_ID}: the officer, the officer who agreed the complaint remedy or asked for the suspense refund, or \`system\` when none was named. They may not approve it.`;
const DECIDED_BY = `Who last approved, rejected or returned it, by ${USER_ID}. Not given until decided, after a resubmission, nor for a suspense refund refused on arrival.`;
const NOTE =
  "The requester's note, replaced by the approver's when they give one (read it when a refund is returned); for a suspense refund refused on arrival, why.";
const REMEDY = "Only for a complaint remedy: the id (UUID) of the complaints service's remedy it pays.";

@ObjectType('Refund', { description: 'A refund or consolatory payment: asked for, approved by a second person, paid.' })
export class RefundModel {
  @Field(() => ID, { description: REFUND_ID }) @ApiProperty({ description: REFUND_ID, format: 'uuid' }) id!: string;
  @Field({ description: KIND })
  @ApiProperty({ enum: ['refund', 'consolatory-payment'], description: KIND })
  kind!: string;
  @Field(() => ID, { nullable: true, description: REFUND_CASE })
  @ApiPropertyOptional({ description: REFUND_CASE, format: 'uuid' })
  caseId?: string;
  @Field(() => Int, { description: AMOUNT }) @ApiProperty({ description: AMOUNT, example: 5000 }) amountPence!: number;
  @Field({ description: REFUND_REASON })
  @ApiProperty({ enum: REFUND_REASONS, description: REFUND_REASON })
  reason!: string;
  @Field({ description: STATUS }) @ApiProperty({ enum: REFUND_STATUSES, description: STATUS }) status!: string;
  @Field({ description: REQUESTED_BY })
  @ApiProperty({ description: REQUESTED_BY, example: 'officer-sam' })
  requestedBy!: string;
  @Field({ nullable: true, description: DECIDED_BY })
  @ApiPropertyOptional({ description: DECIDED_BY, example: 'leader-lee' })
  decidedBy?: string;
  @Field({ nullable: true, description: NOTE })
  @ApiPropertyOptional({ description: NOTE, example: 'Paid twice by card on 3 March; refund the second payment' })
  note?: string;
  @Field(() => ID, { nullable: true, description: REMEDY })
  @ApiPropertyOptional({ description: REMEDY, format: 'uuid' })
  remedyId?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The enforcement suspense item it returns, for a refund of suspense.',
  })
  @ApiPropertyOptional({
    description: 'The enforcement suspense item it returns, for a refund of suspense.',
    format: 'uuid',
  })
  suspenseId?: string;
  @Field(() => ID, { nullable: true, description: 'For a refund of suspense: the payment it gives back.' })
  @ApiPropertyOptional({ description: 'For a refund of suspense: the payment it gives back.', format: 'uuid' })
  paymentId?: string;
  @Field({ nullable: true, description: 'For a refund of suspense: the fine account the payment went to.' })
  @ApiPropertyOptional({
    description: 'For a refund of suspense: the fine account the payment went to.',
    example: 'FA00012345E',
  })
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

/** A page of the approvers' queue over REST. */
export class RefundPageModel {
  @ApiProperty({
    type: [RefundModel],
    description:
      'Refunds and consolatory payments awaiting approval, oldest first; approve only those you did not ask for.',
  })
  items!: RefundModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}

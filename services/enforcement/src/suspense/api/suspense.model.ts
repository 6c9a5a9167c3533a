import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConnectionType, ObjectType } from '../../enforcement.graphql';
import { SUSPENSE_REASONS, SUSPENSE_STATES, SuspenseItem } from '../domain/suspense-item';
import { ACCOUNT_NUMBER_EXAMPLE, CURSOR_EXAMPLE, NEXT_CURSOR, USER_ID } from '../../api-descriptions';

const ITEM_ID = "The suspense item's id (UUID).";
const PAYMENT_ID =
  "The payment the money came from: the payments service's payment id (UUID), or the warrant's id for what an enforcement agent collected.";
const ACCOUNT_NUMBER = 'The account number the payment quoted (it may name no account).';
const AMOUNT = 'The money held, in pence: the whole payment, or the part of it the account could not take.';
const REASON =
  'Why it is in suspense: `not-found` (no such account), `zero-balance` (the account owes nothing), `overpayment` (more than the account owed), `written-off`, `consolidated` (the account went into another; allocate it there) or `transferred-out`.';
const SOURCE = '`payments`, or `warrant` for what an enforcement agent collected (allocated, never refunded).';
const METHOD =
  'How it was paid, as the payments service says (card, payment-by-account, cheque, postal-order, cash or bank-transfer), or `enforcement-agent` for a warrant; null when not known.';
const RECEIVED_AT = 'When the payer paid it.';
const SUSPENDED_AT = 'When it went into suspense: the worklist is oldest first by this.';
const STATE =
  '`held` (to be worked), `allocated` (applied to an account: final), `refund-requested` (waiting for the payments service to refund it) or `refunded` (final). A rejected refund puts it back to held.';
const REVERSED_AT =
  'When the payment was reversed (it bounced or was charged back, or its allocation moved elsewhere): nothing is left to work. Null otherwise.';
const ALLOCATED_ACCOUNT = 'The fine account it was allocated to (UUID); null unless allocated.';
const ALLOCATED_BY = `Who allocated it: ${USER_ID}; null unless allocated.`;
const ALLOCATED_AT = 'When it was allocated; null unless allocated.';
const REFUND_REQUESTED_BY = `Who asked for it to go back to the payer: ${USER_ID}; null unless a refund is asked for or paid.`;
const REFUND_REQUESTED_AT = 'When the refund was asked for; null unless a refund is asked for or paid.';
const REFUND_ID = "The payments service's refund (UUID), once it has named it; null before then.";
const REFUNDED_AT = 'When the payments service paid the refund; null unless refunded.';

@ObjectType('FineSuspenseItem', {
  description: 'A payment, or the part of one, that no fine account could take, and where the money has got to.',
})
export class SuspenseItemModel {
  @Field(() => ID, { description: ITEM_ID }) @ApiProperty({ format: 'uuid', description: ITEM_ID }) id!: string;
  @Field(() => ID, { description: PAYMENT_ID })
  @ApiProperty({ format: 'uuid', description: PAYMENT_ID })
  paymentId!: string;
  @Field({ description: ACCOUNT_NUMBER })
  @ApiProperty({ description: ACCOUNT_NUMBER, example: ACCOUNT_NUMBER_EXAMPLE })
  accountNumber!: string;
  @Field(() => Int, { description: AMOUNT }) @ApiProperty({ description: AMOUNT, example: 2500 }) amountPence!: number;
  @Field({ description: REASON }) @ApiProperty({ enum: SUSPENSE_REASONS, description: REASON }) reason!: string;
  @Field({ description: SOURCE }) @ApiProperty({ enum: ['payments', 'warrant'], description: SOURCE }) source!: string;
  @Field(() => String, { nullable: true, description: METHOD })
  @ApiPropertyOptional({ type: String, nullable: true, description: METHOD, example: 'bank-transfer' })
  method!: string | null;
  @Field({ description: RECEIVED_AT }) @ApiProperty({ description: RECEIVED_AT }) receivedAt!: Date;
  @Field({ description: SUSPENDED_AT }) @ApiProperty({ description: SUSPENDED_AT }) suspendedAt!: Date;
  @Field({ description: STATE }) @ApiProperty({ enum: SUSPENSE_STATES, description: STATE }) state!: string;
  @Field(() => Date, { nullable: true, description: REVERSED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, description: REVERSED_AT, example: null })
  reversedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: ALLOCATED_ACCOUNT })
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: ALLOCATED_ACCOUNT, example: null })
  allocatedAccountId!: string | null;
  @Field(() => String, { nullable: true, description: ALLOCATED_BY })
  @ApiPropertyOptional({ type: String, nullable: true, description: ALLOCATED_BY })
  allocatedBy!: string | null;
  @Field(() => Date, { nullable: true, description: ALLOCATED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, description: ALLOCATED_AT, example: null })
  allocatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: REFUND_REQUESTED_BY })
  @ApiPropertyOptional({ type: String, nullable: true, description: REFUND_REQUESTED_BY })
  refundRequestedBy!: string | null;
  @Field(() => Date, { nullable: true, description: REFUND_REQUESTED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, description: REFUND_REQUESTED_AT, example: null })
  refundRequestedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: REFUND_ID })
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: REFUND_ID, example: null })
  refundId!: string | null;
  @Field(() => Date, { nullable: true, description: REFUNDED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, description: REFUNDED_AT, example: null })
  refundedAt!: Date | null;

  static from(item: SuspenseItem): SuspenseItemModel {
    return Object.assign(new SuspenseItemModel(), item);
  }
}

/** A REST page of the suspense worklist. */
export class SuspenseItemPageModel {
  @ApiProperty({ type: [SuspenseItemModel], description: 'The items of this page, oldest first.' })
  items!: SuspenseItemModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}

export const SuspenseItemConnection = ConnectionType(SuspenseItemModel, 'FineSuspenseItem');

import { Field, Float, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConnectionType, ObjectType } from '../../payments.graphql';
import type { Reconciliation } from '../application/ledger.queries';
import { RECONCILIATION_CHECKS, type DailyFlows, type ReconciliationCheck } from '../domain/reconciliation';
import type { LedgerBalance, LedgerEntry } from '../domain/ledger';

// Sums of many movements can pass GraphQL's 32-bit Int (the fines side alone takes about 500 million
// GBP a year), so they are Floats: whole pence still, exact to 2^53.
const SUM = 'Whole pence; a Float because a sum can pass the 32-bit Int.';

@ObjectType('LedgerEntry', { description: "One posting of a ledger movement, with the movement's tags." })
export class LedgerEntryModel {
  @Field(() => ID, { description: "The entry's position in the ledger." }) @ApiProperty() id!: string;
  @Field(() => ID, { description: 'The movement it is part of: its postings sum to zero.' })
  @ApiProperty({ description: 'The movement it is part of: its postings sum to zero.' })
  transactionId!: string;
  @Field() @ApiProperty({ example: 'cash:card' }) account!: string;
  @Field({ description: 'fee, remission, payment-received, allocation, reversal, refund or remedy.' })
  @ApiProperty({ example: 'payment-received' })
  kind!: string;
  @Field(() => Int, { description: 'Positive a debit (owed to, or held by, the courts), negative a credit.' })
  @ApiProperty({ description: 'Positive a debit (owed to, or held by, the courts), negative a credit.' })
  amountPence!: number;
  @Field({ nullable: true }) @ApiPropertyOptional() method?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() businessArea?: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() paymentId?: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() refundId?: string;
  @Field() @ApiProperty() recordedBy!: string;
  @Field() @ApiProperty() occurredAt!: Date;

  static from(e: LedgerEntry): LedgerEntryModel {
    return {
      id: e.id,
      transactionId: e.transactionId,
      account: e.account,
      kind: e.kind,
      amountPence: e.amountPence,
      method: e.method ?? undefined,
      businessArea: e.businessArea ?? undefined,
      paymentId: e.paymentId ?? undefined,
      refundId: e.refundId ?? undefined,
      recordedBy: e.recordedBy,
      occurredAt: e.occurredAt,
    };
  }
}

export const LedgerEntryConnection = ConnectionType(LedgerEntryModel, 'LedgerEntry');

@ObjectType('LedgerBalance', { description: "A ledger account's balance at the end of a day." })
export class LedgerBalanceModel implements LedgerBalance {
  @Field() @ApiProperty({ example: 'cash:card' }) account!: string;
  @Field(() => Float, { description: `Debits less credits. ${SUM}` })
  @ApiProperty({ description: 'Debits less credits, in pence.' })
  balancePence!: number;
  @Field(() => Int, { description: 'How many entries make it up.' }) @ApiProperty() entries!: number;
}

export const LedgerBalanceConnection = ConnectionType(LedgerBalanceModel, 'LedgerBalance');

@ObjectType('ReconciliationLine', { description: "A day's net by payment method or by business area." })
export class ReconciliationLineModel {
  @Field({ description: 'The payment method, or the business area.' })
  @ApiProperty({ description: 'The payment method, or the business area.' })
  key!: string;
  @Field(() => Float, { description: `Money in less refunds and reversals. ${SUM}` })
  @ApiProperty({ description: 'Net pence: money in less refunds and reversals.' })
  netPence!: number;
  @Field(() => Int) @ApiProperty() entries!: number;
}

@ObjectType('ReconciliationFlows', { description: "Where the day's takings went, each the net of the day." })
export class ReconciliationFlowsModel implements DailyFlows {
  @Field(() => Float, { description: `What came in by every method, less what went back. ${SUM}` })
  @ApiProperty({ description: 'What came in by every method, less what went back.' })
  takingsPence!: number;
  @Field(() => Float, { description: `Received and not yet allocated. ${SUM}` })
  @ApiProperty({ description: 'Received and not yet allocated.' })
  heldUnallocatedPence!: number;
  @Field(() => Float, { description: SUM }) @ApiProperty() allocatedToCasesPence!: number;
  @Field(() => Float, { description: SUM }) @ApiProperty() allocatedToFineAccountsPence!: number;
  @Field(() => Float, { description: `Allocated as unidentified, held in suspense. ${SUM}` })
  @ApiProperty({ description: 'Allocated as unidentified, held in suspense.' })
  placedInSuspensePence!: number;
  @Field(() => Float, { description: `Refunds off cases and fine accounts, and complaint remedies. ${SUM}` })
  @ApiProperty({ description: 'Refunds off cases and fine accounts, and complaint remedies.' })
  refundedPence!: number;
}

@ObjectType('ReconciliationCheck', { description: 'One comparison of the day, flagged when it shows a difference.' })
export class ReconciliationCheckModel implements ReconciliationCheck {
  @Field(() => String, {
    description:
      '`takings-accounted-for`: the takings are all held, allocated, in suspense or paid back out; `receipts-recorded`: the ledger took in what the payments register received, by method.',
  })
  @ApiProperty({ enum: RECONCILIATION_CHECKS })
  check!: ReconciliationCheck['check'];
  @Field({ description: '`all`, or the payment method.' }) @ApiProperty() key!: string;
  @Field(() => Float, { description: SUM }) @ApiProperty() expectedPence!: number;
  @Field(() => Float, { description: SUM }) @ApiProperty() actualPence!: number;
  @Field(() => Float, { description: `Expected less actual. ${SUM}` })
  @ApiProperty({ description: 'Expected less actual.' })
  differencePence!: number;
  @Field() @ApiProperty() flagged!: boolean;
}

@ObjectType('Reconciliation', { description: "A day's reconciliation of the ledger." })
export class ReconciliationModel implements Reconciliation {
  @Field() @ApiProperty() date!: string;
  @Field(() => [ReconciliationLineModel])
  @ApiProperty({ type: [ReconciliationLineModel] })
  byMethod!: ReconciliationLineModel[];
  @Field(() => [ReconciliationLineModel], { description: 'Money allocated that day, by the business area it went to.' })
  @ApiProperty({
    type: [ReconciliationLineModel],
    description: 'Money allocated that day, by the business area it went to.',
  })
  byBusinessArea!: ReconciliationLineModel[];
  @Field(() => ReconciliationFlowsModel)
  @ApiProperty({ type: ReconciliationFlowsModel })
  flows!: ReconciliationFlowsModel;
  @Field(() => [ReconciliationCheckModel])
  @ApiProperty({ type: [ReconciliationCheckModel] })
  checks!: ReconciliationCheckModel[];
  @Field({ description: 'No check is flagged.' })
  @ApiProperty({ description: 'No check is flagged.' })
  balanced!: boolean;
}

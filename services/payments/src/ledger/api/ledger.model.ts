import { Field, Float, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CURSOR_EXAMPLE, LOCAL_DAY, NEXT_CURSOR, PAYMENT_METHOD, USER_ID, UTC_INSTANT } from '../../api-descriptions';
import { PAYMENT_METHODS } from '../../payment/domain/payment';
import { ConnectionType, ObjectType } from '../../payments.graphql';
import type { Reconciliation } from '../application/ledger.queries';
import { RECONCILIATION_CHECKS, type DailyFlows, type ReconciliationCheck } from '../domain/reconciliation';
import { LEDGER_KINDS, type LedgerBalance, type LedgerEntry } from '../domain/ledger';

// Sums of many movements can pass GraphQL's 32-bit Int (the fines side alone takes about 500 million
// GBP a year), so they are Floats: whole pence still, exact to 2^53.
const SUM = 'Whole pence; a Float because a sum can pass the 32-bit Int.';
const ACCOUNT =
  'The ledger account: its kind, then a colon and what it is for where it has one, e.g. `cash:card`, `fee-income`, `service-request:<id>`, `payment:<id>`, `firm-account:<id>`, `fine-account:FA00012345E`, `suspense:unidentified`, `remedies`.';
const ENTRY_ID = "The entry's position in the ledger: a whole number, as text; later entries have higher ones.";
const ENTRY_KIND =
  '`fee` (a fee charged), `remission`, `payment-received`, `allocation` (money placed from a payment), `reversal` (a bounce, chargeback, or an allocation taken back for a transfer), `refund` or `remedy` (a complaint remedy paid from the courts’ budget).';
const ENTRY_METHOD = `The payment method of the movement, where money came in or went back: ${PAYMENT_METHOD}`;
const BUSINESS_AREA =
  "The business area the money counts towards, where the movement has one: a fee's jurisdiction (e.g. `civil`, `family`), `criminal-fines`, `unidentified` or `complaints`.";
const ENTRY_PAYMENT = 'The id (UUID) of the payment the movement concerns, where it concerns one.';
const ENTRY_REFUND = 'The id (UUID) of the refund the movement pays, where it pays one.';
const RECORDED_BY = `Who caused the movement, by ${USER_ID}; \`system\` or \`card-provider\` for what the service did itself.`;
const OCCURRED_AT = `When the movement was recorded. ${UTC_INSTANT}`;
const ENTRY_AMOUNT = 'Positive a debit (owed to, or held by, the courts), negative a credit; in pence.';
const ENTRIES = 'How many ledger entries make it up.';

@ObjectType('LedgerEntry', { description: "One posting of a ledger movement, with the movement's tags." })
export class LedgerEntryModel {
  @Field(() => ID, { description: ENTRY_ID }) @ApiProperty({ description: ENTRY_ID, example: '10452' }) id!: string;
  @Field(() => ID, { description: 'The movement it is part of (UUID): its postings sum to zero.' })
  @ApiProperty({ description: 'The movement it is part of (UUID): its postings sum to zero.', format: 'uuid' })
  transactionId!: string;
  @Field({ description: ACCOUNT }) @ApiProperty({ example: 'cash:card', description: ACCOUNT }) account!: string;
  @Field({ description: ENTRY_KIND })
  @ApiProperty({ enum: LEDGER_KINDS, example: 'payment-received', description: ENTRY_KIND })
  kind!: string;
  @Field(() => Int, { description: ENTRY_AMOUNT })
  @ApiProperty({ description: ENTRY_AMOUNT, example: 45500 })
  amountPence!: number;
  @Field({ nullable: true, description: ENTRY_METHOD })
  @ApiPropertyOptional({ enum: PAYMENT_METHODS, description: ENTRY_METHOD })
  method?: string;
  @Field({ nullable: true, description: BUSINESS_AREA })
  @ApiPropertyOptional({ description: BUSINESS_AREA, example: 'civil' })
  businessArea?: string;
  @Field(() => ID, { nullable: true, description: ENTRY_PAYMENT })
  @ApiPropertyOptional({ description: ENTRY_PAYMENT, format: 'uuid' })
  paymentId?: string;
  @Field(() => ID, { nullable: true, description: ENTRY_REFUND })
  @ApiPropertyOptional({ description: ENTRY_REFUND, format: 'uuid' })
  refundId?: string;
  @Field({ description: RECORDED_BY })
  @ApiProperty({ description: RECORDED_BY, example: 'officer-sam' })
  recordedBy!: string;
  @Field({ description: OCCURRED_AT }) @ApiProperty({ description: OCCURRED_AT }) occurredAt!: Date;

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

/** A page of ledger entries over REST. */
export class LedgerEntryPageModel {
  @ApiProperty({ type: [LedgerEntryModel], description: 'The entries of this page, oldest first.' })
  items!: LedgerEntryModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}

@ObjectType('LedgerBalance', { description: "A ledger account's balance at the end of a day." })
export class LedgerBalanceModel implements LedgerBalance {
  @Field({ description: ACCOUNT }) @ApiProperty({ example: 'cash:card', description: ACCOUNT }) account!: string;
  @Field(() => Float, { description: `Debits less credits. ${SUM}` })
  @ApiProperty({ description: 'Debits less credits, in pence.', example: 1250000 })
  balancePence!: number;
  @Field(() => Int, { description: ENTRIES }) @ApiProperty({ description: ENTRIES, example: 42 }) entries!: number;
}

export const LedgerBalanceConnection = ConnectionType(LedgerBalanceModel, 'LedgerBalance');

/** A page of balances over REST. */
export class LedgerBalancePageModel {
  @ApiProperty({ type: [LedgerBalanceModel], description: 'The balances of this page, in account order.' })
  items!: LedgerBalanceModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}

@ObjectType('ReconciliationLine', { description: "A day's net by payment method or by business area." })
export class ReconciliationLineModel {
  @Field({ description: 'The payment method, or the business area.' })
  @ApiProperty({ description: 'The payment method, or the business area.', example: 'card' })
  key!: string;
  @Field(() => Float, { description: `Money in less refunds and reversals. ${SUM}` })
  @ApiProperty({ description: 'Net pence: money in less refunds and reversals.', example: 1250000 })
  netPence!: number;
  @Field(() => Int, { description: ENTRIES }) @ApiProperty({ description: ENTRIES, example: 42 }) entries!: number;
}

@ObjectType('ReconciliationFlows', { description: "Where the day's takings went, each the net of the day." })
export class ReconciliationFlowsModel implements DailyFlows {
  @Field(() => Float, { description: `What came in by every method, less what went back. ${SUM}` })
  @ApiProperty({ description: 'What came in by every method, less what went back.', example: 1250000 })
  takingsPence!: number;
  @Field(() => Float, { description: `Received and not yet allocated. ${SUM}` })
  @ApiProperty({ description: 'Received and not yet allocated.', example: 45500 })
  heldUnallocatedPence!: number;
  @Field(() => Float, { description: `Allocated to cases' service requests. ${SUM}` })
  @ApiProperty({ description: "Allocated to cases' service requests.", example: 1100000 })
  allocatedToCasesPence!: number;
  @Field(() => Float, { description: `Allocated to fine accounts, for enforcement. ${SUM}` })
  @ApiProperty({ description: 'Allocated to fine accounts, for enforcement.', example: 100000 })
  allocatedToFineAccountsPence!: number;
  @Field(() => Float, { description: `Allocated as unidentified, held in suspense. ${SUM}` })
  @ApiProperty({ description: 'Allocated as unidentified, held in suspense.', example: 9500 })
  placedInSuspensePence!: number;
  @Field(() => Float, { description: `Refunds off cases and fine accounts, and complaint remedies. ${SUM}` })
  @ApiProperty({ description: 'Refunds off cases and fine accounts, and complaint remedies.', example: 5000 })
  refundedPence!: number;
}

const CHECK =
  '`takings-accounted-for`: the takings are all held, allocated, in suspense or paid back out; `receipts-recorded`: the ledger took in what the payments register received, by method.';
const CHECK_KEY = '`all` for `takings-accounted-for`; the payment method for `receipts-recorded`.';
const EXPECTED =
  'What should be there: the takings, for `takings-accounted-for`; what the payments register received less what was reversed, for `receipts-recorded`.';
const ACTUAL =
  'What is there: held, allocated and in suspense less paid back out, for `takings-accounted-for`; what the ledger took in, for `receipts-recorded`.';
const FLAGGED = 'True when the difference is not 0: someone must find out why.';

@ObjectType('ReconciliationCheck', { description: 'One comparison of the day, flagged when it shows a difference.' })
export class ReconciliationCheckModel implements ReconciliationCheck {
  @Field(() => String, { description: CHECK })
  @ApiProperty({ enum: RECONCILIATION_CHECKS, description: CHECK })
  check!: ReconciliationCheck['check'];
  @Field({ description: CHECK_KEY })
  @ApiProperty({ description: CHECK_KEY, example: 'all' })
  key!: string;
  @Field(() => Float, { description: `${EXPECTED} ${SUM}` })
  @ApiProperty({ description: `${EXPECTED} In pence.`, example: 1250000 })
  expectedPence!: number;
  @Field(() => Float, { description: `${ACTUAL} ${SUM}` })
  @ApiProperty({ description: `${ACTUAL} In pence.`, example: 1250000 })
  actualPence!: number;
  @Field(() => Float, { description: `Expected less actual. ${SUM}` })
  @ApiProperty({ description: 'Expected less actual, in pence.', example: 0 })
  differencePence!: number;
  @Field({ description: FLAGGED }) @ApiProperty({ description: FLAGGED }) flagged!: boolean;
}

const BY_METHOD =
  "The day's takings by payment method: receipts less refunds and reversals, on the cash and firm-account side.";
const FLOWS = "Where the day's takings went.";
const CHECKS =
  'Each comparison of the day: `takings-accounted-for` once, then `receipts-recorded` for each payment method.';

@ObjectType('Reconciliation', { description: "A day's reconciliation of the ledger." })
export class ReconciliationModel implements Reconciliation {
  @Field({ description: `The day reconciled, from midnight to midnight in London. ${LOCAL_DAY}` })
  @ApiProperty({
    description: `The day reconciled, from midnight to midnight in London. ${LOCAL_DAY}`,
    example: '2026-12-01',
  })
  date!: string;
  @Field(() => [ReconciliationLineModel], { description: BY_METHOD })
  @ApiProperty({ type: [ReconciliationLineModel], description: BY_METHOD })
  byMethod!: ReconciliationLineModel[];
  @Field(() => [ReconciliationLineModel], { description: 'Money allocated that day, by the business area it went to.' })
  @ApiProperty({
    type: [ReconciliationLineModel],
    description: 'Money allocated that day, by the business area it went to.',
  })
  byBusinessArea!: ReconciliationLineModel[];
  @Field(() => ReconciliationFlowsModel, { description: FLOWS })
  @ApiProperty({ type: ReconciliationFlowsModel, description: FLOWS })
  flows!: ReconciliationFlowsModel;
  @Field(() => [ReconciliationCheckModel], { description: CHECKS })
  @ApiProperty({ type: [ReconciliationCheckModel], description: CHECKS })
  checks!: ReconciliationCheckModel[];
  @Field({ description: 'No check is flagged.' })
  @ApiProperty({ description: 'No check is flagged.' })
  balanced!: boolean;
}

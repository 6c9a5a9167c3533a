import { Field, Float, Int } from '@nestjs/graphql';
import { ObjectType } from '../../payments.graphql';
import type { FeeFigures, FeesByMethod, FeesPeriod } from '../domain/fees-figures';

// Sums over a period can pass GraphQL's 32-bit Int (about 21 million GBP), as the ledger's do: they are
// Floats, as there, whole pence still and exact to 2^53. Counts stay Int.
const SUM = 'Whole pence; a Float because a sum can pass the 32-bit Int.';
const CHARGED = `Fees charged: fees added to cases' service requests, and repricing when it happens (a fee repriced up adds the difference, one repriced down takes it off, so a bucket of only reductions is negative). ${SUM}`;
const REMITTED = `Fees remitted: Help with Fees remissions and complaint fee waivers granted. ${SUM}`;
const COLLECTED = `Money received by the payments taken, by every method (card, firms' accounts, cheque, cash...), whatever it was for. Gross: a payment that later bounced or was charged back still counts here, in the stretch it was received; the reversal is a movement of its own, not taken off. ${SUM}`;
const REFUNDED = `Refunds paid out (approved and then paid, counted when paid; not those only asked for or approved), of case fees and of fine payments held in suspense; consolatory payments are not refunds and are left out. ${SUM}`;
const PAYMENTS = 'How many payments were received: those making up collectedPence.';

@ObjectType('MiFeesByMethod', { description: 'The payments taken by one payment method.' })
export class MiFeesByMethodModel implements FeesByMethod {
  @Field({ description: 'The payment method: card, payment-by-account, cheque, postal-order, cash, bank-transfer.' })
  method!: string;
  @Field(() => Int, { description: 'How many payments were received by this method.' })
  payments!: number;
  @Field(() => Float, { description: `Money they brought in, gross of reversals. ${SUM}` })
  collectedPence!: number;
}

@ObjectType('MiFeesPeriod', { description: 'The fees figures of one bucket of the period.' })
export class MiFeesPeriodModel implements Omit<FeesPeriod, 'payments' | 'byMethod'> {
  @Field({ description: 'The first London day of the bucket within the period (YYYY-MM-DD).' })
  start!: string;
  @Field(() => Float, { description: CHARGED }) chargedPence!: number;
  @Field(() => Float, { description: REMITTED }) remittedPence!: number;
  @Field(() => Float, { description: COLLECTED }) collectedPence!: number;
  @Field(() => Float, { description: REFUNDED }) refundedPence!: number;
}

@ObjectType('MiFees', {
  description:
    "Fees and money in the period, from the payments service's ledger (and its refunds register for payouts): each movement counted in the London bucket it happened in, none netted against another.",
})
export class MiFeesModel implements Omit<FeeFigures, 'periods' | 'byMethod'> {
  @Field(() => Float, { description: CHARGED }) chargedPence!: number;
  @Field(() => Float, { description: REMITTED }) remittedPence!: number;
  @Field(() => Float, { description: COLLECTED }) collectedPence!: number;
  @Field(() => Float, { description: REFUNDED }) refundedPence!: number;
  @Field(() => Int, { description: PAYMENTS }) payments!: number;
  @Field(() => [MiFeesByMethodModel], {
    description: 'The payments by method: every method that took a payment in the period, ordered by method.',
  })
  byMethod!: MiFeesByMethodModel[];
  @Field(() => [MiFeesPeriodModel], { description: 'Each bucket of the period in order, a quiet one as zeros.' })
  periods!: MiFeesPeriodModel[];
}

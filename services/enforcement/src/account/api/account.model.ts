import { Directive, Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IMPOSITION_KINDS } from '@ccsc/contracts';
import { type FineAccount, type Imposition, owedOn, standingOf } from '../domain/fine-account';
import type { PaymentTerms } from '../../terms/domain/payment-terms';
import { FREQUENCIES } from '../../terms/domain/payment-terms';
import { scheduleOf } from '../../terms/domain/terms-standing';
import { ACTION_IDS, ACTIONS } from '../../action/domain/enforcement-actions';
import { ObjectType, ConnectionType } from '../../enforcement.graphql';
import {
  ACCOUNT_ID,
  ACCOUNT_NUMBER_EXAMPLE,
  CURSOR_EXAMPLE,
  NEXT_CURSOR,
  OFFICER_EXAMPLE,
  USER_ID,
} from '../../api-descriptions';

const TERMS_KIND =
  '`pay-by-date` (everything by one day) or `instalments` (equal instalments at a frequency, with an optional lump sum first).';
const PAY_BY = 'Pay-by-date terms only: the day by which everything must be paid, YYYY-MM-DD.';
const FREQUENCY = 'Instalments only: `weekly`, `fortnightly` or `monthly`.';
const INSTALMENT = 'Instalments only: each instalment, in pence (the last may be smaller, to end at what is owed).';
const FIRST_INSTALMENT =
  'Instalments only: the day the first instalment is due, YYYY-MM-DD; the others follow at the frequency (monthly ones on the same day of the month, or the last day of a shorter month).';
const LUMP_SUM = 'Instalments only, when there is a lump sum: what is to be paid first, in pence.';
const LUMP_SUM_DUE = 'Instalments only, with the lump sum: the day it is due, YYYY-MM-DD.';

@ObjectType('FinePaymentTerms', {
  description: 'Pay in full by a date, or instalments with an optional lump sum first.',
})
export class PaymentTermsModel {
  @Field({ description: TERMS_KIND })
  @ApiProperty({ enum: ['pay-by-date', 'instalments'], description: TERMS_KIND, example: 'instalments' })
  kind!: string;
  @Field(() => String, { nullable: true, description: PAY_BY })
  @ApiPropertyOptional({ description: PAY_BY })
  payBy?: string;
  @Field(() => String, { nullable: true, description: FREQUENCY })
  @ApiPropertyOptional({ enum: FREQUENCIES, description: FREQUENCY })
  frequency?: string;
  @Field(() => Int, { nullable: true, description: INSTALMENT })
  @ApiPropertyOptional({ description: INSTALMENT, example: 1000 })
  instalmentPence?: number;
  @Field(() => String, { nullable: true, description: FIRST_INSTALMENT })
  @ApiPropertyOptional({ description: FIRST_INSTALMENT, example: '2026-12-04' })
  firstInstalment?: string;
  @Field(() => Int, { nullable: true, description: LUMP_SUM })
  @ApiPropertyOptional({ description: LUMP_SUM, example: 5000 })
  lumpSumPence?: number;
  @Field(() => String, { nullable: true, description: LUMP_SUM_DUE })
  @ApiPropertyOptional({ description: LUMP_SUM_DUE, example: '2026-11-27' })
  lumpSumDue?: string;

  static from(terms: PaymentTerms): PaymentTermsModel {
    return Object.assign(new PaymentTermsModel(), terms);
  }
}

const IMPOSITION_ID = "The imposition's id (UUID).";
const IMPOSITION_KIND = 'What was imposed: fine, compensation, costs, victim-surcharge or criminal-courts-charge.';
const CREDITOR =
  'Who the money is owed to: `central-funds`, or the id of the prosecutor or, for compensation, of the party it is paid to.';
const PRIORITY =
  'Payment order: lowest is paid first (compensation 1, victim surcharge 2, costs 3, fine 6, criminal courts charge 10), older first within a priority.';
const IMPOSED_AMOUNT = 'What was imposed, in pence.';
const IMPOSITION_PAID = 'What payments have paid of it, in pence.';
const IMPOSITION_WRITTEN_OFF =
  'Forgone by approved write-offs, in pence (a write-off takes first from what payments would reach last).';
const IMPOSITION_OUTSTANDING =
  'Still owed, in pence: amount less paid less written off. On a live account the balance is the sum of these.';

// Named apart from the cases service's imposition (what a court imposes): the gateway's merged document keeps
// one schema of a name.
@ApiSchema({ name: 'FineImpositionModel' })
@ObjectType('FineImposition', { description: 'What the court imposed, to whom it is owed, and what of it is paid.' })
export class ImpositionModel {
  @Field(() => ID, { description: IMPOSITION_ID })
  @ApiProperty({ format: 'uuid', description: IMPOSITION_ID })
  id!: string;
  @Field({ description: IMPOSITION_KIND })
  @ApiProperty({ enum: IMPOSITION_KINDS, description: IMPOSITION_KIND })
  kind!: string;
  @Field({ description: CREDITOR }) @ApiProperty({ description: CREDITOR, example: 'central-funds' }) creditor!: string;
  @Field(() => Int, { description: PRIORITY }) @ApiProperty({ description: PRIORITY, example: 6 }) priority!: number;
  @Field(() => Int, { description: IMPOSED_AMOUNT })
  @ApiProperty({ description: IMPOSED_AMOUNT, example: 25000 })
  amountPence!: number;
  @Field(() => Int, { description: IMPOSITION_PAID })
  @ApiProperty({ description: IMPOSITION_PAID, example: 5000 })
  paidPence!: number;
  @Field(() => Int, { description: IMPOSITION_WRITTEN_OFF })
  @ApiProperty({ description: IMPOSITION_WRITTEN_OFF, example: 0 })
  writtenOffPence!: number;
  @Field(() => Int, { description: IMPOSITION_OUTSTANDING })
  @ApiProperty({ description: IMPOSITION_OUTSTANDING, example: 20000 })
  outstandingPence!: number;

  static from(i: Imposition): ImpositionModel {
    return Object.assign(new ImpositionModel(), {
      id: i.id,
      kind: i.kind,
      creditor: i.creditor,
      priority: i.priority,
      amountPence: i.amountPence,
      paidPence: i.paidPence,
      writtenOffPence: i.writtenOffPence,
      outstandingPence: owedOn(i),
    });
  }
}

const DUE_ON = 'The day it is due, YYYY-MM-DD: a payment due on a day may be made all that day.';
const DUE_AMOUNT = 'What is due that day, in pence.';
const CUMULATIVE = 'What should have been paid in all once this payment is due, in pence.';

@ObjectType('FineExpectedPayment', {
  description: 'One payment the terms expect: when it is due, how much, and how much should be paid by then.',
})
export class ExpectedPaymentModel {
  @Field({ description: DUE_ON })
  @ApiProperty({ format: 'date', description: DUE_ON, example: '2026-11-27' })
  dueOn!: string;
  @Field(() => Int, { description: DUE_AMOUNT })
  @ApiProperty({ description: DUE_AMOUNT, example: 5000 })
  amountPence!: number;
  @Field(() => Int, { description: CUMULATIVE })
  @ApiProperty({ description: CUMULATIVE, example: 5000 })
  cumulativePence!: number;
}

const ACCOUNT_NUMBER = 'Printed on notices and quoted by payers: FA, eight digits and a check letter.';
const ACCOUNT_TYPE =
  'What it collects: `fine` (opened from a court result), `fixed-penalty` (a registered fixed penalty), `conditional-caution` or `confiscation-order`. The type sets the enforcement path.';
const ACCOUNT_STATUS =
  '`live` (being collected: only a live account is worked or takes payments), `paid` (nothing left to pay), `written-off` (what was left was written off), `consolidated` (what it owed moved into another account of the same defendant) or `transferred-out`.';
const BUSINESS_UNIT =
  'The business unit that administers it: the one named when a fixed penalty is registered; `national` for an account opened from a court result.';
const CASE_ID =
  'The case whose result opened it (its UUID in the cases service); null for a fixed penalty registered without a case.';
const DEFENDANT =
  'The defendant: their party id on the case (UUID in the cases service); null for a fixed penalty, which names no party.';
const IMPOSING_COURT =
  'The court that imposed the sums, as the case result names it (where its latest hearing was); null for a registered fixed penalty or an account opened before results named it. A collection order notice names it.';
const ENFORCEMENT_PATH =
  'The enforcement path the default run follows, set by the account type: `standard` (fines, conditional cautions), `fixed-penalty` or `confiscation`. A path says how far behind puts an account in default, and which actions then follow, how many days apart.';
const IMPOSED =
  'Everything imposed, in pence: the sum of its impositions, including what a 50% increase of a fixed penalty or a consolidation added.';
const PAID =
  'What payments have paid on it, in pence: what an executed warrant collected counts; a reversed payment is taken back off.';
const WRITTEN_OFF = 'What approved write-offs have taken off, in pence.';
const BALANCE =
  'Still owed, in pence: imposed less paid less written off. On a consolidated account it is what moved into the account it went into.';
const TERMS =
  'The payment terms in force: pay in full within 28 days when the account opens, until an officer varies them.';
const SCHEDULE =
  'The payments the terms expect, oldest first, up to what was imposed (not the balance): the lump sum, then the instalments; one payment for pay-by-date terms.';
const DEFAULTED_ON =
  'The day (YYYY-MM-DD) the default run found the account behind its terms and put it in default; null when it has not defaulted since its terms were last set (varying the terms takes an account out of default).';
const ARREARS =
  'How far behind its terms it was, in pence, when the default run put it in default or last took a step on it; null when defaultedOn is null.';
const LAST_ACTION =
  'The last enforcement action taken on it, by an officer or the default run (e.g. `reminder`); null before the first. It decides which actions may follow.';
const ON_HOLD =
  'True while the last action is an enforcement hold: the default run leaves the account alone until an officer takes another action.';
const OPENED_AT = 'When it was opened: when the court resulted the case, or when the fixed penalty was registered.';

@ObjectType('FineAccount', {
  description: 'A defendant account: what was imposed, paid and written off, its terms and its enforcement.',
})
@Directive('@key(fields: "id")')
export class FineAccountModel {
  @Field(() => ID, { description: ACCOUNT_ID }) @ApiProperty({ format: 'uuid', description: ACCOUNT_ID }) id!: string;
  @Field({ description: ACCOUNT_NUMBER })
  @ApiProperty({ example: ACCOUNT_NUMBER_EXAMPLE, description: ACCOUNT_NUMBER })
  accountNumber!: string;
  @Field({ description: ACCOUNT_TYPE })
  @ApiProperty({
    enum: ['fine', 'fixed-penalty', 'conditional-caution', 'confiscation-order'],
    description: ACCOUNT_TYPE,
  })
  accountType!: string;
  @Field({ description: ACCOUNT_STATUS })
  @ApiProperty({
    enum: ['live', 'paid', 'written-off', 'consolidated', 'transferred-out'],
    description: ACCOUNT_STATUS,
  })
  status!: string;
  @Field({ description: BUSINESS_UNIT })
  @ApiProperty({ description: BUSINESS_UNIT, example: 'national' })
  businessUnit!: string;
  @Field(() => ID, { nullable: true, description: `${CASE_ID} The \`case\` field resolves it.` })
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: CASE_ID,
    example: '5d1c8e2a-7b3f-4c9d-8e1a-2f6b9c0d4e7a',
  })
  caseId!: string | null;
  @Field(() => ID, { nullable: true, description: DEFENDANT })
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: DEFENDANT,
    example: 'a4e7c2b9-1f3d-4e6a-9b8c-7d2e5f1a0c36',
  })
  defendantPartyId!: string | null;
  @Field(() => String, { nullable: true, description: IMPOSING_COURT })
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: IMPOSING_COURT,
    example: "Cardiff Magistrates' Court",
  })
  imposingCourt!: string | null;
  @Field({ description: ENFORCEMENT_PATH })
  @ApiProperty({ description: ENFORCEMENT_PATH, example: 'standard' })
  enforcementPath!: string;
  @Field(() => Int, { description: IMPOSED })
  @ApiProperty({ description: IMPOSED, example: 25000 })
  imposedPence!: number;
  @Field(() => Int, { description: PAID }) @ApiProperty({ description: PAID, example: 5000 }) paidPence!: number;
  @Field(() => Int, { description: WRITTEN_OFF })
  @ApiProperty({ description: WRITTEN_OFF, example: 0 })
  writtenOffPence!: number;
  @Field(() => Int, { description: BALANCE })
  @ApiProperty({ description: BALANCE, example: 20000 })
  balancePence!: number;
  @Field(() => PaymentTermsModel, { description: `${TERMS} Every change is in \`termsHistory\`.` })
  @ApiProperty({ type: PaymentTermsModel, description: TERMS })
  terms!: PaymentTermsModel;
  @Field(() => [ExpectedPaymentModel], { description: SCHEDULE })
  @ApiProperty({ type: [ExpectedPaymentModel], description: SCHEDULE })
  schedule!: ExpectedPaymentModel[];
  @Field(() => String, { nullable: true, description: DEFAULTED_ON })
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: DEFAULTED_ON,
    example: '2026-12-12',
  })
  defaultedOn!: string | null;
  @Field(() => Int, { nullable: true, description: ARREARS })
  @ApiPropertyOptional({ type: Number, nullable: true, description: ARREARS, example: 2000 })
  arrearsPence!: number | null;
  @Field(() => String, { nullable: true, description: LAST_ACTION })
  @ApiPropertyOptional({ type: String, nullable: true, description: LAST_ACTION, example: 'reminder' })
  lastAction!: string | null;
  @Field({ description: ON_HOLD }) @ApiProperty({ description: ON_HOLD, example: false }) onHold!: boolean;
  @Field({ description: OPENED_AT })
  @ApiProperty({ description: OPENED_AT, example: '2026-11-20T14:32:00.000Z' })
  openedAt!: Date;

  static from(a: FineAccount): FineAccountModel {
    const {
      terms,
      consolidatedInto: _ignored,
      termsVersion: _version,
      lastActionOn: _on,
      creditedBeforeTermsPence: _from,
      ...rest
    } = a;
    return Object.assign(new FineAccountModel(), {
      ...rest,
      terms: PaymentTermsModel.from(terms),
      schedule: scheduleOf(standingOf(a)),
    });
  }
}

const PERMITTED_ACTIONS = 'The enforcement actions an officer may take next: none unless the account is live.';

/** The REST shape of one account: the account with its impositions and what an officer may do next. */
export class FineAccountDetail extends FineAccountModel {
  @ApiProperty({ type: [ImpositionModel], description: 'Its impositions, in the order payments are applied to them.' })
  impositions!: ImpositionModel[];
  @ApiProperty({ enum: ACTION_IDS, isArray: true, description: PERMITTED_ACTIONS, example: ACTIONS.reminder.next })
  permittedActions!: string[];
}

/** A REST page of fine accounts. */
export class FineAccountPageModel {
  @ApiProperty({ type: [FineAccountModel], description: 'The accounts of this page, newest first.' })
  items!: FineAccountModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}

const PAYMENT_ID =
  "The payment: the payments service's payment id (UUID), or the warrant's id for what an enforcement agent collected.";
const APPLIED_AMOUNT = 'What the account took of it, in pence; anything more went to suspense as an overpayment.';
const PAYMENT_SOURCE =
  '`payments` for a payment taken by the payments service, `warrant` for what an enforcement agent collected.';
const RECEIVED_AT = 'When the payer paid it.';
const REVERSED =
  'True when the payment was reversed (it bounced or was charged back, or its allocation moved elsewhere) and taken back off the account.';

/** A payment applied to a fine account (REST only). */
export class FineAccountPaymentModel {
  @ApiProperty({ format: 'uuid', description: PAYMENT_ID }) paymentId!: string;
  @ApiProperty({ type: 'integer', description: APPLIED_AMOUNT, example: 5000 }) amountPence!: number;
  @ApiProperty({ enum: ['payments', 'warrant'], description: PAYMENT_SOURCE }) source!: string;
  @ApiProperty({ description: RECEIVED_AT }) receivedAt!: Date;
  @ApiProperty({ description: REVERSED, example: false }) reversed!: boolean;
}

export const FineAccountConnection = ConnectionType(FineAccountModel, 'FineAccount');

const TERMS_VERSION = 'The version of the terms: 1 for those set when the account opened, one more for each variation.';
const TERMS_REASON =
  'Why they were set, as the officer gave it (`Terms set when the account was opened` for version 1).';
const CHANGED_BY = `Who set them: ${USER_ID}. For version 1, who opened the account: who registered the fixed penalty, or who recorded the court result (\`system\` when the cases service named nobody).`;
const CHANGED_AT = 'When they were set.';

@ObjectType('FineTermsVariation', {
  description: "One version of an account's payment terms: the terms, why they were set, by whom and when.",
})
export class TermsVariationModel {
  @Field(() => Int, { description: TERMS_VERSION })
  @ApiProperty({ type: 'integer', description: TERMS_VERSION, example: 2 })
  version!: number;
  @Field(() => PaymentTermsModel, { description: 'The terms of this version.' })
  @ApiProperty({ type: PaymentTermsModel, description: 'The terms of this version.' })
  terms!: PaymentTermsModel;
  @Field({ description: TERMS_REASON })
  @ApiProperty({ description: TERMS_REASON, example: 'Defendant lost their job; means reassessed' })
  reason!: string;
  @Field({ description: CHANGED_BY })
  @ApiProperty({ description: CHANGED_BY, example: OFFICER_EXAMPLE })
  changedBy!: string;
  @Field({ description: CHANGED_AT }) @ApiProperty({ description: CHANGED_AT }) changedAt!: Date;
}

/** The cases service's Case, extended here with its fine accounts. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class CaseRef {
  @Field(() => ID) id!: string;
}

import { Directive, Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@ccsc/auth';
import { ALLOCATION_STATUSES, type StoredAllocation } from '../../allocation/domain/allocation';
import {
  ALLOCATION_ID,
  ALLOCATION_STATUS,
  ALLOCATION_TARGET,
  CASE_ID,
  FEE_CODE,
  NEXT_CURSOR,
  CURSOR_EXAMPLE,
  PAYMENT_ID,
  PAYMENT_METHOD,
  PAYMENT_STATUS,
  PBA_NUMBER,
  PENCE,
  SERVICE_REQUEST_FEE_ID,
  SERVICE_REQUEST_ID,
  USER_ID,
  UTC_INSTANT,
} from '../../api-descriptions';
import type { ServiceRequestView } from '../../service-request/application/service-request.queries';
import { SERVICE_REQUEST_STATUSES } from '../../service-request/domain/service-request';
import type { AccountView, PaymentView } from '../application/payment.queries';
import { PAYMENT_METHODS, PAYMENT_STATUSES, REVERSAL_REASONS } from '../domain/payment';
import { actorSeenBy, userIdSeenBy } from '../domain/payment-visibility';
import { ConnectionType, ObjectType } from '../../payments.graphql';

// Response shapes: GraphQL object types that double as REST/OpenAPI schemas. Names carry a
// Payment/ServiceRequest prefix where a plain one could clash with another subgraph's types.
// An optional field is null in GraphQL and left out of the REST answer; the descriptions say when it is given.

const ALLOCATION_PAYMENT = 'The id (UUID) of the payment the money comes from.';
const ALLOCATION_CASE = `${CASE_ID} Only for the \`service-request\` target, and only where you may see the case (staff moved a payment onto a case that is not yours: it is not named).`;
const ALLOCATION_FINE_ACCOUNT =
  'The fine account the money goes to, as the officer or the payer gave it. Only for the `fine-account` target.';
const ALLOCATION_AMOUNT = `How much of the payment this allocation places. ${PENCE}`;
const ALLOCATION_REASON = 'Why nobody could tell whose the money is. Only for the `unidentified` target.';
const ALLOCATION_REPLACES =
  'Only for a transfer: the id (UUID) of the verified allocation it moves the money from, which becomes `transferred` once this one is verified.';
const ALLOCATED_BY = `Who allocated it: an officer, by ${USER_ID} (to anyone but staff, \`officer\`); \`system\` where a payer's own card or account payment went straight to the case or fine account it was paid for.`;
const ALLOCATED_AT = `When it was allocated. ${UTC_INSTANT}`;
const VERIFIED_BY = `Who verified or rejected it: a second officer, by ${USER_ID}, never the one who allocated it; \`system\` for a payer's own payment. Not given while awaiting verification, nor when it was rejected because its payment was reversed first. Staff only: not given to anyone else.`;
const VERIFIED_AT = `When it was verified or rejected; not given while awaiting verification. ${UTC_INSTANT}`;

@ObjectType('PaymentAllocation', { description: 'Where (part of) a payment went, and who allocated and verified it.' })
export class AllocationModel {
  @Field(() => ID, { description: ALLOCATION_ID })
  @ApiProperty({ description: ALLOCATION_ID, format: 'uuid' })
  id!: string;
  @Field(() => ID, { description: ALLOCATION_PAYMENT })
  @ApiProperty({ description: ALLOCATION_PAYMENT, format: 'uuid' })
  paymentId!: string;
  @Field({ description: ALLOCATION_TARGET })
  @ApiProperty({ enum: ['service-request', 'fine-account', 'unidentified'], description: ALLOCATION_TARGET })
  target!: string;
  @Field(() => ID, { nullable: true, description: ALLOCATION_CASE })
  @ApiPropertyOptional({ description: ALLOCATION_CASE, format: 'uuid' })
  caseId?: string;
  @Field({ nullable: true, description: ALLOCATION_FINE_ACCOUNT })
  @ApiPropertyOptional({ description: ALLOCATION_FINE_ACCOUNT, example: 'FA00012345E' })
  fineAccountNumber?: string;
  @Field(() => Int, { description: ALLOCATION_AMOUNT })
  @ApiProperty({ description: ALLOCATION_AMOUNT, example: 25000 })
  amountPence!: number;
  @Field({ nullable: true, description: ALLOCATION_REASON })
  @ApiPropertyOptional({ description: ALLOCATION_REASON, example: 'Cheque with no reference; drawer not found' })
  reason?: string;
  @Field({ description: ALLOCATION_STATUS })
  @ApiProperty({ enum: ALLOCATION_STATUSES, description: ALLOCATION_STATUS })
  status!: string;
  @Field(() => ID, { nullable: true, description: ALLOCATION_REPLACES })
  @ApiPropertyOptional({ description: ALLOCATION_REPLACES, format: 'uuid' })
  replaces?: string;
  @Field({ description: ALLOCATED_BY })
  @ApiProperty({ description: ALLOCATED_BY, example: 'officer-sam' })
  allocatedBy!: string;
  @Field({ description: ALLOCATED_AT }) @ApiProperty({ description: ALLOCATED_AT }) allocatedAt!: Date;
  @Field({ nullable: true, description: VERIFIED_BY })
  @ApiPropertyOptional({ description: VERIFIED_BY, example: 'leader-lee' })
  verifiedBy?: string;
  @Field({ nullable: true, description: VERIFIED_AT })
  @ApiPropertyOptional({ description: VERIFIED_AT })
  verifiedAt?: Date;

  /** Which officers allocated and verified it is staff's to know (actorSeenBy, userIdSeenBy). */
  static from(a: StoredAllocation, viewer: Principal): AllocationModel {
    return {
      id: a.id,
      paymentId: a.paymentId,
      target: a.target,
      amountPence: a.amountPence,
      status: a.status,
      allocatedBy: actorSeenBy(viewer, a.allocatedBy),
      allocatedAt: a.allocatedAt,
      caseId: a.caseId ?? undefined,
      fineAccountNumber: a.fineAccountNumber ?? undefined,
      reason: a.reason ?? undefined,
      verifiedBy: userIdSeenBy(viewer, a.verifiedBy) ?? undefined,
      verifiedAt: a.verifiedAt ?? undefined,
      replaces: a.replaces ?? undefined,
    };
  }
}

const PAYABLE_NUMBER =
  'The number as it is stored: FA, eight digits and the check letter, in capitals, without spaces.';
const PAYABLE =
  'Whether the account takes payments: false when it was consolidated into another (pay consolidatedInto instead). A number no account has is answered with NOT_FOUND (404).';
const CONSOLIDATED_INTO =
  'When the account was consolidated into another: the number of the account that takes its payments now; otherwise null.';

@ObjectType('PayableFineAccount', {
  description: 'A fine account number a payer may quote, and whether it takes payments.',
})
export class PayableFineAccountModel {
  @Field({ description: PAYABLE_NUMBER })
  @ApiProperty({ description: PAYABLE_NUMBER, example: 'FA00012345E' })
  accountNumber!: string;
  @Field({ description: PAYABLE }) @ApiProperty({ description: PAYABLE }) payable!: boolean;
  @Field(() => String, { nullable: true, description: CONSOLIDATED_INTO })
  @ApiProperty({ type: String, nullable: true, description: CONSOLIDATED_INTO, example: null })
  consolidatedInto!: string | null;
}

const PAYMENT_AMOUNT = `What was paid, or is being paid by card. ${PENCE}`;
const UNALLOCATED = `What is received and not yet placed by a verified allocation: 0 until the money arrives, and 0 once it has all gone to a case, a fine account or suspense. ${PENCE}`;
const PAYMENT_CASE = `${CASE_ID} Given when it was paid for a case, or came by bulk scanning with a case reference the service knows; a payment allocated later names its case in \`allocations\`.`;
const PAYMENT_FINE_ACCOUNT =
  'The fine account number it was paid to or quoted on the slip, as given. Only for payments made to a fine account.';
const NEXT_URL =
  "Only for a card payment still `created` or `pending`, and only to the payer who started it: the provider's page to send the payer to for their card details.";
const ACCOUNT_ID =
  "Only for payment by account: the internal id (UUID) of the firm's payment account it was paid from (not its PBA number).";
const POSSIBLE_DUPLICATE =
  'Only when flagged: the id (UUID) of an earlier payment by the same payer, method and amount for the same case or fine account, made within the last few minutes (10 by default) and not failed or cancelled, for staff to look into. Card and account payments only.';
const RECEIVED_AT = `When the money was received; not given until then (a card payment before the provider reports success). ${UTC_INSTANT}`;
const REVERSAL =
  '`bounced` (a cheque, postal order or bank transfer) or `chargeback` (a card). Only once the payment was reversed: its money has been taken back off wherever it was allocated.';
const PAYMENT_ALLOCATIONS =
  'Where its money went: every allocation made of it, oldest first, including those awaiting verification, rejected, reversed or transferred.';
const PAYMENT_CREATED_AT = `When the payment was recorded or started. ${UTC_INSTANT}`;

@ObjectType('Payment', { description: 'Money paid, by any method, and what became of it.' })
export class PaymentModel {
  @Field(() => ID, { description: PAYMENT_ID }) @ApiProperty({ description: PAYMENT_ID, format: 'uuid' }) id!: string;
  @Field({ description: PAYMENT_METHOD })
  @ApiProperty({ enum: PAYMENT_METHODS, description: PAYMENT_METHOD })
  method!: string;
  @Field({ description: PAYMENT_STATUS })
  @ApiProperty({ enum: PAYMENT_STATUSES, description: PAYMENT_STATUS, example: 'success' })
  status!: string;
  @Field(() => Int, { description: PAYMENT_AMOUNT })
  @ApiProperty({ description: PAYMENT_AMOUNT, example: 25000 })
  amountPence!: number;
  @Field(() => Int, { description: UNALLOCATED })
  @ApiProperty({ description: UNALLOCATED, example: 0 })
  unallocatedPence!: number;
  @Field(() => ID, { nullable: true, description: PAYMENT_CASE })
  @ApiPropertyOptional({ description: PAYMENT_CASE, format: 'uuid' })
  caseId?: string;
  @Field({ nullable: true, description: PAYMENT_FINE_ACCOUNT })
  @ApiPropertyOptional({ description: PAYMENT_FINE_ACCOUNT, example: 'FA00012345E' })
  fineAccountNumber?: string;
  @Field({ nullable: true, description: NEXT_URL })
  @ApiPropertyOptional({ description: NEXT_URL, example: 'https://card.sandbox.invalid/pay/9aK2mQ7xR4tY1vB8nC3dEw' })
  nextUrl?: string;
  @Field({ nullable: true, description: ACCOUNT_ID })
  @ApiPropertyOptional({ description: ACCOUNT_ID, format: 'uuid' })
  accountId?: string;
  @Field(() => ID, { nullable: true, description: POSSIBLE_DUPLICATE })
  @ApiPropertyOptional({ description: POSSIBLE_DUPLICATE, format: 'uuid' })
  possibleDuplicateOf?: string;
  @Field({ nullable: true, description: RECEIVED_AT })
  @ApiPropertyOptional({ description: RECEIVED_AT })
  receivedAt?: Date;
  @Field({ nullable: true, description: REVERSAL })
  @ApiPropertyOptional({ enum: REVERSAL_REASONS, description: REVERSAL })
  reversal?: string;
  @Field(() => [AllocationModel], { description: PAYMENT_ALLOCATIONS })
  @ApiProperty({ type: [AllocationModel], description: PAYMENT_ALLOCATIONS })
  allocations!: AllocationModel[];
  @Field({ description: PAYMENT_CREATED_AT }) @ApiProperty({ description: PAYMENT_CREATED_AT }) createdAt!: Date;

  static from(p: PaymentView, viewer: Principal): PaymentModel {
    return {
      id: p.id,
      method: p.method,
      status: p.status,
      amountPence: p.amountPence,
      unallocatedPence: p.unallocatedPence,
      createdAt: p.createdAt,
      caseId: p.caseId ?? undefined,
      fineAccountNumber: p.fineAccountNumber ?? undefined,
      nextUrl: p.status === 'pending' || p.status === 'created' ? (p.nextUrl ?? undefined) : undefined,
      accountId: p.accountId ?? undefined,
      possibleDuplicateOf: p.duplicateOf ?? undefined,
      receivedAt: p.receivedAt ?? undefined,
      reversal: p.reversalReason ?? undefined,
      allocations: p.allocations.map((a) => AllocationModel.from(a, viewer)),
    };
  }
}

export const PaymentConnection = ConnectionType(PaymentModel, 'Payment');

/** A page of payments over REST, as `GET /api/v1/payments/payments` answers. */
export class PaymentPageModel {
  @ApiProperty({ type: [PaymentModel], description: 'The payments of this page, newest first.' })
  items!: PaymentModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}

const SR_FEE_VERSION = 'The version of the fee it was priced at (see `FeeVersion.version`).';
const SR_FEE_AMOUNT = `What the fee costs, as priced for this case. ${PENCE}`;
const PRICING_BASIS =
  '`fixed` (a flat fee), `claim-amount` (a ranged fee priced for the amount claimed) or `minimum` (a ranged fee charged at its least because no claim amount was known: finance staff price it up with `correctClaimAmount`).';
const SR_FEE_REMITTED = `What Help with Fees or a complaint's fee waiver took off this fee. ${PENCE}`;
const SR_FEE_PAID = `What payments cover of this fee, apportioned oldest fee first after remissions. ${PENCE}`;
const SR_FEE_OUTSTANDING = `What is still owed on this fee: the amount less remitted and paid. ${PENCE}`;
const CASE_EVENT = 'The case event that made the fee due, e.g. `submit`. Not given for a fee added otherwise.';

@ObjectType('ServiceRequestFee', { description: 'A fee on a service request and how much of it is paid.' })
export class ServiceRequestFeeModel {
  @Field(() => ID, { description: SERVICE_REQUEST_FEE_ID })
  @ApiProperty({ description: SERVICE_REQUEST_FEE_ID, format: 'uuid' })
  id!: string;
  @Field({ description: FEE_CODE }) @ApiProperty({ example: 'FEE0202', description: FEE_CODE }) code!: string;
  @Field(() => Int, { description: SR_FEE_VERSION })
  @ApiProperty({ description: SR_FEE_VERSION, example: 3 })
  version!: number;
  @Field(() => Int, { description: SR_FEE_AMOUNT })
  @ApiProperty({ description: SR_FEE_AMOUNT, example: 45500 })
  amountPence!: number;
  @Field({ description: PRICING_BASIS })
  @ApiProperty({ enum: ['fixed', 'claim-amount', 'minimum'], description: PRICING_BASIS })
  pricingBasis!: string;
  @Field(() => Int, { description: SR_FEE_REMITTED })
  @ApiProperty({ description: SR_FEE_REMITTED, example: 0 })
  remittedPence!: number;
  @Field(() => Int, { description: SR_FEE_PAID })
  @ApiProperty({ description: SR_FEE_PAID, example: 45500 })
  paidPence!: number;
  @Field(() => Int, { description: SR_FEE_OUTSTANDING })
  @ApiProperty({ description: SR_FEE_OUTSTANDING, example: 0 })
  outstandingPence!: number;
  @Field({ nullable: true, description: CASE_EVENT })
  @ApiPropertyOptional({ description: CASE_EVENT, example: 'submit' })
  caseEvent?: string;
}

const SR_STATUS =
  '`paid` (nothing outstanding), `partially-paid` (something paid or remitted, something still owed), `not-paid` (nothing paid or remitted yet) or `disputed` (a card payment on it was charged back).';
const SR_FEES_TOTAL = `All its fees added up. ${PENCE}`;
const SR_REMITTED = `All remissions added up (Help with Fees, complaints' fee waivers). ${PENCE}`;
const SR_PAID = `What payments brought in, net of refunds and reversals; never below 0 (see \`unrecoveredPence\`). ${PENCE}`;
const SR_OUTSTANDING = `Still owed: fees less remissions less payments, never below 0. ${PENCE}`;
const SR_OVERPAYMENT = `Paid beyond the fees after remissions. An ordinary refund gives back no more than this (less refunds not yet decided and transfers awaiting their second officer), nor more than the money paid into the case that a complaint remedy refunding fees, an undecided refund or such a transfer has not already taken; and it goes back to one payment, so no more than one payer still holds (the refund's 409 names what is left). ${PENCE}`;
const UNRECOVERED = `Refunded and then lost when the refunded payment bounced: owed back by the payer, apart from the fees; the next payments recover it before they count towards the fees. ${PENCE}`;
const SR_FEES = 'Oldest first: payments are apportioned in this order.';

@ObjectType('ServiceRequest', { description: "A case's fees, remissions and payments, and what is still owed." })
export class ServiceRequestModel {
  @Field(() => ID, { description: SERVICE_REQUEST_ID })
  @ApiProperty({ description: SERVICE_REQUEST_ID, format: 'uuid' })
  id!: string;
  @Field(() => ID, { description: CASE_ID }) @ApiProperty({ description: CASE_ID, format: 'uuid' }) caseId!: string;
  @Field({ description: SR_STATUS })
  @ApiProperty({ enum: SERVICE_REQUEST_STATUSES, description: SR_STATUS })
  status!: string;
  @Field(() => [ServiceRequestFeeModel], { description: SR_FEES })
  @ApiProperty({ type: [ServiceRequestFeeModel], description: SR_FEES })
  fees!: ServiceRequestFeeModel[];
  @Field(() => Int, { description: SR_FEES_TOTAL })
  @ApiProperty({ description: SR_FEES_TOTAL, example: 45500 })
  feesPence!: number;
  @Field(() => Int, { description: SR_REMITTED })
  @ApiProperty({ description: SR_REMITTED, example: 0 })
  remittedPence!: number;
  @Field(() => Int, { description: SR_PAID }) @ApiProperty({ description: SR_PAID, example: 45500 }) paidPence!: number;
  @Field(() => Int, { description: SR_OUTSTANDING })
  @ApiProperty({ description: SR_OUTSTANDING, example: 0 })
  outstandingPence!: number;
  @Field(() => Int, { description: SR_OVERPAYMENT })
  @ApiProperty({ description: SR_OVERPAYMENT, example: 0 })
  overpaymentPence!: number;
  @Field(() => Int, { description: UNRECOVERED })
  @ApiProperty({ description: UNRECOVERED, example: 0 })
  unrecoveredPence!: number;

  static from(v: ServiceRequestView): ServiceRequestModel {
    return {
      id: v.id,
      caseId: v.caseId,
      status: v.status,
      feesPence: v.feesPence,
      remittedPence: v.remittedPence,
      paidPence: v.paidPence,
      outstandingPence: v.outstandingPence,
      overpaymentPence: v.overpaymentPence,
      unrecoveredPence: v.unrecoveredPence,
      fees: v.fees.map((f) => ({
        id: f.id,
        code: f.code,
        version: f.version,
        amountPence: f.amountPence,
        pricingBasis: f.pricingBasis,
        remittedPence: f.remittedPence,
        paidPence: f.paidPence,
        outstandingPence: f.outstandingPence,
        caseEvent: f.caseEvent ?? undefined,
      })),
    };
  }
}

const ORGANISATION_ID =
  "The id of the firm (organisation) that owns the account: the `org` claim of its users' tokens.";
const ACCOUNT_NAME = 'The name the account is known by, usually the firm’s.';
const ACCOUNT_STATUS =
  '`active` (takes payments), `on-hold` (refuses payments until reactivated) or `deleted` (closed for good).';
const CREDIT_LIMIT = `How much the firm may owe on the account at once. ${PENCE}`;
const USED = `What the firm owes on the account now, from the ledger. ${PENCE}`;
const AVAILABLE = `What the firm can still pay from the account: the credit limit less what it owes; below 0 when the limit was lowered under what is owed. ${PENCE}`;
const PROPOSED = `A higher credit limit asked for and waiting for a second person's decision (not in force until approved); null when none waits. ${PENCE}`;

@ObjectType('PaymentAccount', { description: "A firm's payment-by-account: its status and credit." })
export class PaymentAccountModel {
  @Field({ description: PBA_NUMBER })
  @ApiProperty({ example: 'PBA0012345', description: PBA_NUMBER })
  accountNumber!: string;
  @Field({ description: ORGANISATION_ID })
  @ApiProperty({ description: ORGANISATION_ID, example: 'org-smith-and-co' })
  organisationId!: string;
  @Field({ description: ACCOUNT_NAME })
  @ApiProperty({ description: ACCOUNT_NAME, example: 'Smith & Co Solicitors LLP' })
  name!: string;
  @Field({ description: ACCOUNT_STATUS })
  @ApiProperty({ enum: ['active', 'on-hold', 'deleted'], description: ACCOUNT_STATUS })
  status!: string;
  @Field(() => Int, { description: CREDIT_LIMIT })
  @ApiProperty({ description: CREDIT_LIMIT, example: 5000000 })
  creditLimitPence!: number;
  @Field(() => Int, { description: USED }) @ApiProperty({ description: USED, example: 45500 }) usedPence!: number;
  @Field(() => Int, { description: AVAILABLE })
  @ApiProperty({ description: AVAILABLE, example: 4954500 })
  availablePence!: number;
  @Field(() => Int, { nullable: true, description: PROPOSED })
  @ApiProperty({ type: Number, nullable: true, description: PROPOSED, example: 7500000 })
  proposedCreditLimitPence!: number | null;

  static from(a: AccountView): PaymentAccountModel {
    // Who asked for a raise is the courts' business, not the firm's: the four-eyes check reads it, nobody else.
    const { id: _id, proposedCreditLimit, ...shown } = a;
    return { ...shown, proposedCreditLimitPence: proposedCreditLimit?.pence ?? null };
  }
}

/** The cases service's Case, extended with its money. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class CaseRef {
  @Field(() => ID) id!: string;
}

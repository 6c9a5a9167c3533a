import { Directive, Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StoredAllocation } from '../../allocation/domain/allocation';
import type { ServiceRequestView } from '../../service-request/application/service-request.queries';
import type { AccountView, PaymentView } from '../application/payment.queries';
import { ConnectionType, ObjectType } from '../../payments.graphql';

// Response shapes: GraphQL object types that double as REST/OpenAPI schemas. Names carry a
// Payment/ServiceRequest prefix where a plain one could clash with another subgraph's types.

@ObjectType('PaymentAllocation', { description: 'Where (part of) a payment went, and who allocated and verified it.' })
export class AllocationModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => ID) @ApiProperty() paymentId!: string;
  @Field({ description: '`service-request`, `fine-account` or `unidentified`.' })
  @ApiProperty({ enum: ['service-request', 'fine-account', 'unidentified'] })
  target!: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() caseId?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() fineAccountNumber?: string;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field({ nullable: true }) @ApiPropertyOptional() reason?: string;
  @Field({ description: '`awaiting-verification`, `verified`, `rejected`, `reversed` or `transferred`.' })
  @ApiProperty()
  status!: string;
  @Field(() => ID, { nullable: true, description: 'For a transfer: the allocation it moves the money from.' })
  @ApiPropertyOptional()
  replaces?: string;
  @Field() @ApiProperty() allocatedBy!: string;
  @Field() @ApiProperty() allocatedAt!: Date;
  @Field({ nullable: true }) @ApiPropertyOptional() verifiedBy?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() verifiedAt?: Date;

  static from(a: StoredAllocation): AllocationModel {
    return {
      id: a.id,
      paymentId: a.paymentId,
      target: a.target,
      amountPence: a.amountPence,
      status: a.status,
      allocatedBy: a.allocatedBy,
      allocatedAt: a.allocatedAt,
      caseId: a.caseId ?? undefined,
      fineAccountNumber: a.fineAccountNumber ?? undefined,
      reason: a.reason ?? undefined,
      verifiedBy: a.verifiedBy ?? undefined,
      verifiedAt: a.verifiedAt ?? undefined,
      replaces: a.replaces ?? undefined,
    };
  }
}

@ObjectType('PayableFineAccount', { description: 'A fine account number that takes payments.' })
export class PayableFineAccountModel {
  @Field({ description: 'Normalised: FA, eight digits and the check letter.' }) @ApiProperty() accountNumber!: string;
  @Field() @ApiProperty() payable!: boolean;
}

@ObjectType('Payment', { description: 'Money paid, by any method, and what became of it.' })
export class PaymentModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field({ description: 'card, payment-by-account, cheque, postal-order, cash or bank-transfer.' })
  @ApiProperty()
  method!: string;
  @Field({ description: 'created, pending, success, failed or cancelled.' }) @ApiProperty() status!: string;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field(() => Int, { description: 'Received and not yet allocated.' }) @ApiProperty() unallocatedPence!: number;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() caseId?: string;
  @Field({ nullable: true, description: 'The fine account it was paid to, when it came with one.' })
  @ApiPropertyOptional()
  fineAccountNumber?: string;
  @Field({ nullable: true, description: 'For card payments still to be made: where to send the payer.' })
  @ApiPropertyOptional()
  nextUrl?: string;
  @Field({ nullable: true, description: 'The account it was paid from, for payment by account.' })
  @ApiPropertyOptional()
  accountId?: string;
  @Field(() => ID, { nullable: true, description: 'An earlier, similar payment this may duplicate.' })
  @ApiPropertyOptional()
  possibleDuplicateOf?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() receivedAt?: Date;
  @Field({ nullable: true, description: '`bounced` or `chargeback` once reversed.' })
  @ApiPropertyOptional()
  reversal?: string;
  @Field(() => [AllocationModel]) @ApiProperty({ type: [AllocationModel] }) allocations!: AllocationModel[];
  @Field() @ApiProperty() createdAt!: Date;

  static from(p: PaymentView): PaymentModel {
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
      allocations: p.allocations.map(AllocationModel.from),
    };
  }
}

export const PaymentConnection = ConnectionType(PaymentModel, 'Payment');

@ObjectType('ServiceRequestFee', { description: 'A fee on a service request and how much of it is paid.' })
export class ServiceRequestFeeModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty({ example: 'FEE0202' }) code!: string;
  @Field(() => Int) @ApiProperty() version!: number;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field({ description: '`fixed`, `claim-amount`, or `minimum` (a ranged fee priced without the claim amount).' })
  @ApiProperty()
  pricingBasis!: string;
  @Field(() => Int) @ApiProperty() remittedPence!: number;
  @Field(() => Int) @ApiProperty() paidPence!: number;
  @Field(() => Int) @ApiProperty() outstandingPence!: number;
  @Field({ nullable: true, description: 'The case event that made it due.' }) @ApiPropertyOptional() caseEvent?: string;
}

@ObjectType('ServiceRequest', { description: "A case's fees, remissions and payments, and what is still owed." })
export class ServiceRequestModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => ID) @ApiProperty() caseId!: string;
  @Field({ description: 'paid, partially-paid, not-paid or disputed.' })
  @ApiProperty({ enum: ['paid', 'partially-paid', 'not-paid', 'disputed'] })
  status!: string;
  @Field(() => [ServiceRequestFeeModel], { description: 'Oldest first: payments are apportioned in this order.' })
  @ApiProperty({ type: [ServiceRequestFeeModel] })
  fees!: ServiceRequestFeeModel[];
  @Field(() => Int) @ApiProperty() feesPence!: number;
  @Field(() => Int) @ApiProperty() remittedPence!: number;
  @Field(() => Int, { description: 'Net of refunds and reversals.' }) @ApiProperty() paidPence!: number;
  @Field(() => Int) @ApiProperty() outstandingPence!: number;
  @Field(() => Int) @ApiProperty() overpaymentPence!: number;
  @Field(() => Int, {
    description:
      'Refunded and then lost when the refunded payment bounced: owed back by the payer, apart from the fees; the next payments recover it before they count towards the fees.',
  })
  @ApiProperty({
    description:
      'Refunded and then lost when the refunded payment bounced: owed back by the payer, apart from the fees; the next payments recover it before they count towards the fees.',
  })
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

@ObjectType('PaymentAccount', { description: "A firm's payment-by-account: its status and credit." })
export class PaymentAccountModel {
  @Field() @ApiProperty({ example: 'PBA0012345' }) accountNumber!: string;
  @Field() @ApiProperty() organisationId!: string;
  @Field() @ApiProperty() name!: string;
  @Field({ description: 'active, on-hold or deleted.' })
  @ApiProperty({ enum: ['active', 'on-hold', 'deleted'] })
  status!: string;
  @Field(() => Int) @ApiProperty() creditLimitPence!: number;
  @Field(() => Int, { description: 'Owed on the account, from the ledger.' }) @ApiProperty() usedPence!: number;
  @Field(() => Int) @ApiProperty() availablePence!: number;

  static from(a: AccountView): PaymentAccountModel {
    const { id: _id, ...shown } = a;
    return shown;
  }
}

/** The cases service's Case, extended with its money. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class CaseRef {
  @Field(() => ID) id!: string;
}

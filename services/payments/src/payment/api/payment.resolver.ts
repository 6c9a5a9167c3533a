import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query as GqlQuery,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import {
  AuthenticatedRequest,
  CorrelationId,
  CurrentPrincipal,
  hasRole,
  Principal,
  principalOf,
  Roles,
} from '@ccsc/auth';
import {
  assertUuid,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  NotFoundError,
  pageSize,
  requestLoader,
  toConnection,
} from '@ccsc/platform';
import { CASE_ID, FINE_ACCOUNT_NUMBER, PAGE_AFTER, PAYMENT_ID, PBA_NUMBER } from '../../api-descriptions';
import { defined } from '../../payments.graphql';
import {
  ACCOUNT_KEEPERS,
  CREDIT_APPROVERS,
  ACCOUNT_READERS,
  BULK_SCANNERS,
  FINANCE_STAFF,
  PAYERS,
  PAYMENT_OFFICERS,
  READERS,
} from '../../roles';
import { ServiceRequestCommands } from '../../service-request/application/service-request.commands';
import { ServiceRequestQueries, ServiceRequestView } from '../../service-request/application/service-request.queries';
import { PaymentCommands } from '../application/payment.commands';
import { PaymentQueries, PaymentView } from '../application/payment.queries';
import {
  BulkScanBody,
  CardPaymentBody,
  ChangeAccountBody,
  CreditLimitDecisionBody,
  ClaimAmountBody,
  fineAccountNumber,
  FineAccountCardPaymentBody,
  OpenAccountBody,
  PayByAccountBody,
  paymentAccountNumber,
  ReversalBody,
} from './payment.inputs';
import {
  CaseRef,
  PayableFineAccountModel,
  PaymentAccountModel,
  PaymentConnection,
  PaymentModel,
  ServiceRequestModel,
} from './payment.model';

/**
 * Adds the case's money to the cases service's Case. Batched per request, so a page of cases is a
 * fixed number of queries.
 */
@Resolver(() => CaseRef)
export class CasePaymentsResolver {
  constructor(
    private readonly requests: ServiceRequestQueries,
    private readonly queries: PaymentQueries,
  ) {}

  @ResolveField(() => ServiceRequestModel, {
    nullable: true,
    description:
      "The case's fees, remissions and payments. Null before any fee is due, and for anyone but staff and those acting for the side that pays the case's fees (the other side sees the case, not its fees).",
  })
  async serviceRequest(@Parent() parent: CaseRef, @Context() context: { req: AuthenticatedRequest }) {
    const principal = principalOf(context);
    if (!hasRole(principal, ...READERS)) return null;
    const loader = requestLoader<ServiceRequestView>(context, 'payments.serviceRequest', (ids) =>
      this.requests.forCases(ids, principal),
    );
    const found = await loader.load(parent.id);
    return found && ServiceRequestModel.from(found);
  }

  @ResolveField(() => [PaymentModel], {
    description:
      'Payments made for the case or allocated to it, oldest first: staff see all of them; anyone else only the ones they (or their firm) paid.',
  })
  async payments(@Parent() parent: CaseRef, @Context() context: { req: AuthenticatedRequest }) {
    const principal = principalOf(context);
    if (!hasRole(principal, ...READERS)) return [];
    const loader = requestLoader<PaymentView[]>(context, 'payments.payments', (ids) =>
      this.queries.forCases(ids, principal),
    );
    return ((await loader.load(parent.id)) ?? []).map((payment) => PaymentModel.from(payment, principal));
  }

  /**
   * Guards do not run here; access is applied by the field resolvers above, which see the principal:
   * each admits the roles that may read the same data directly (READERS), then applies its access rule.
   */
  @ResolveReference()
  resolveReference(reference: { id: string }): CaseRef {
    return { id: reference.id };
  }
}

/**
 * Payments over GraphQL: the same commands, roles and errors as the REST routes of PaymentController,
 * answering with what those answer. The card provider's signed callback is REST only: it is the provider's.
 */
@Resolver(() => PaymentModel)
export class PaymentResolver {
  constructor(
    private readonly queries: PaymentQueries,
    private readonly commands: PaymentCommands,
    private readonly requests: ServiceRequestQueries,
    private readonly requestCommands: ServiceRequestCommands,
  ) {}

  @GqlQuery(() => PaymentModel, {
    description: 'A payment you may see: staff any; anyone else one they (or their firm) paid. NOT_FOUND otherwise.',
  })
  @Roles(...READERS)
  async payment(
    @Args('id', { type: () => ID, description: PAYMENT_ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return PaymentModel.from(await this.queries.get(assertUuid(id), principal), principal);
  }

  @GqlQuery(() => PaymentConnection, {
    description: "Your payments (a firm: its organisation's; staff: all), newest first.",
  })
  @Roles(...READERS)
  async payments(
    @CurrentPrincipal() principal: Principal,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first?: number,
    @Args('after', { nullable: true, description: PAGE_AFTER }) after?: string,
  ) {
    return toConnection(await this.queries.list(principal, pageSize(first), after), (payment) =>
      PaymentModel.from(payment, principal),
    );
  }

  @ResolveField(() => CaseRef, { nullable: true, description: 'The case the payment is for, when it came with one.' })
  case(@Parent() parent: PaymentModel): CaseRef | null {
    return parent.caseId ? { id: parent.caseId } : null;
  }

  @GqlQuery(() => [PaymentAccountModel], {
    description: "Your firm's payment accounts with their credit (staff: every account).",
  })
  @Roles(...ACCOUNT_READERS)
  async paymentAccounts(@CurrentPrincipal() principal: Principal) {
    return (await this.queries.accountsFor(principal)).map(PaymentAccountModel.from);
  }

  @Mutation(() => ServiceRequestModel, {
    description:
      'Prices a ranged fee charged at its minimum (the case stated no claim amount) for the amount on the claim form, up only. CONFLICT for a fixed fee, for an amount other than the one the case states, and for a price below what is charged (a fee is lowered only by a remission, which a second person approves).',
  })
  @Roles(...FINANCE_STAFF)
  async correctClaimAmount(
    @Args('caseId', { type: () => ID, description: CASE_ID }) caseId: string,
    @Args('feeId', {
      type: () => ID,
      description: "The fee's id on the case's service request (`ServiceRequestFee.id`).",
    })
    feeId: string,
    @Args('input', { description: 'The amount claimed.' }) input: ClaimAmountBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const id = assertUuid(caseId, 'caseId');
    const fee = assertUuid(feeId, 'feeId');
    await this.requestCommands.reprice(id, fee, input.claimAmountPence, principal, correlationId);
    const [found] = await this.requests.forCases([id], principal);
    if (!found) throw new NotFoundError('The service request');
    return ServiceRequestModel.from(found);
  }

  @Mutation(() => PaymentModel, { description: "Pays a case's fees from your firm's account." })
  @Roles(...PAYERS)
  async payFeesByAccount(
    @Args('caseId', {
      type: () => ID,
      description: `${CASE_ID} Staff may pay on any case; anyone else only where they act for the side that pays its fees.`,
    })
    caseId: string,
    @Args('input', { description: 'The account to pay from, and how much.' }) input: PayByAccountBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const id = assertUuid(caseId, 'caseId');
    const payment = await this.commands.payByAccount(id, defined(input), principal, correlationId);
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @Mutation(() => PaymentModel, {
    description: "Starts a card payment of a case's fees: send the payer to `nextUrl`; the outcome comes by callback.",
  })
  @Roles(...PAYERS)
  async startCardPayment(
    @Args('caseId', {
      type: () => ID,
      description: `${CASE_ID} Staff may pay on any case; anyone else only where they act for the side that pays its fees.`,
    })
    caseId: string,
    @Args('input', { description: 'How much, and where the payer comes back to.' }) input: CardPaymentBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const payment = await this.commands.startCard(assertUuid(caseId, 'caseId'), defined(input), principal);
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @GqlQuery(() => PayableFineAccountModel, {
    description: 'Checks a fine account number before taking card details: NOT_FOUND when no account has it.',
  })
  @Roles(...PAYERS)
  async payableFineAccount(
    @Args('accountNumber', { description: FINE_ACCOUNT_NUMBER }) accountNumber: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PayableFineAccountModel> {
    return this.queries.payableFineAccount(fineAccountNumber(accountNumber), principal);
  }

  @Mutation(() => PaymentModel, {
    description:
      'Starts a card payment to a fine account: send the payer to `nextUrl`; once the provider reports success it is allocated to the account.',
  })
  @Roles(...PAYERS)
  async startFineAccountCardPayment(
    @Args('accountNumber', { description: FINE_ACCOUNT_NUMBER }) accountNumber: string,
    @Args('input', { description: 'How much, and where the payer comes back to.' }) input: FineAccountCardPaymentBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const payment = await this.commands.startFineAccountCard(fineAccountNumber(accountNumber), input, principal);
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @Mutation(() => PaymentModel, {
    description:
      'Records a banked payment from bulk scanning; without a known case reference or a valid fine account number (its check letter right) it joins the unallocated queue.',
  })
  @Roles(...BULK_SCANNERS)
  async recordBulkScanPayment(
    @Args('input', { description: 'The banked payment, as scanned.' }) input: BulkScanBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const payment = await this.commands.recordBulkScan(defined(input), principal, correlationId);
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @Mutation(() => PaymentModel, {
    description: 'Records that a payment bounced or was charged back: its effect is taken back.',
  })
  @Roles(...PAYMENT_OFFICERS)
  async reversePayment(
    @Args('paymentId', { type: () => ID, description: `${PAYMENT_ID} A successful payment not reversed already.` })
    paymentId: string,
    @Args('input', { description: 'Why it is taken back.' }) input: ReversalBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const payment = await this.commands.reverse(
      assertUuid(paymentId, 'paymentId'),
      input.reason,
      principal,
      correlationId,
    );
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @Mutation(() => PaymentAccountModel, { description: 'Opens a payment-by-account for a firm.' })
  @Roles(...ACCOUNT_KEEPERS)
  async openPaymentAccount(
    @Args('input', { description: 'The new account.' }) input: OpenAccountBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const opened = await this.commands.openAccount(input, principal);
    return PaymentAccountModel.from({ ...opened, usedPence: 0, availablePence: opened.creditLimitPence });
  }

  @Mutation(() => PaymentAccountModel, {
    description: 'Puts an account on hold, reactivates or closes it, or changes its credit limit.',
  })
  @Roles(...ACCOUNT_KEEPERS)
  async changePaymentAccount(
    @Args('accountNumber', { description: PBA_NUMBER }) accountNumber: string,
    @Args('input', { description: 'What changes.' }) input: ChangeAccountBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const number = paymentAccountNumber(accountNumber);
    await this.commands.changeAccount(number, defined(input), principal);
    return PaymentAccountModel.from(await this.queries.account(number, principal));
  }

  @Mutation(() => PaymentAccountModel, {
    description:
      'Approves or rejects the higher credit limit waiting on an account; never by the one who asked for it.',
  })
  @Roles(...CREDIT_APPROVERS)
  async decidePaymentAccountCreditLimit(
    @Args('accountNumber', { description: PBA_NUMBER }) accountNumber: string,
    @Args('input', { description: 'The decision.' }) input: CreditLimitDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const number = paymentAccountNumber(accountNumber);
    await this.commands.decideCreditLimit(number, input, principal);
    return PaymentAccountModel.from(await this.queries.account(number, principal));
  }
}

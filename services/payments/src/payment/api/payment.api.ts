import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query as GqlQuery, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedRequest, CorrelationId, CurrentPrincipal, hasRole, Principal, Public, Role, Roles } from '@ccsc/auth';
import { assertUuid, BadUserInputError, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, NotFoundError, PageParams, pageSize, requestLoader, toConnection, UnauthenticatedError } from '@ccsc/platform';
import { PaymentView, ServiceRequestQueries, ServiceRequestView } from '../../service-request/application/service-request.queries';
import { ServiceRequestLedger } from '../../service-request/application/service-request.ledger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaymentCommands } from '../application/payment.commands';
import { PaymentQueries } from '../application/payment.queries';
import { BulkScanBody, CardPaymentBody, ClaimAmountBody, ChangeAccountBody, FINE_ACCOUNT_NUMBER, FineAccountCardPaymentBody, OpenAccountBody, PayByAccountBody, ReversalBody } from './payment.inputs';
import { CaseRef, PaymentAccountModel, PaymentConnection, PaymentModel, ServiceRequestModel } from './payment.model';
import { present } from '../../present';

/** Who may pay a case's fees; which cases each may pay for is decided by case access. */
const PAYERS: Role[] = ['citizen', 'professional', 'caseworker', 'team-leader', 'finance-officer', 'system'];
const READERS: Role[] = ['citizen', 'professional', 'caseworker', 'team-leader', 'judiciary', 'finance-officer', 'complaints-officer', 'system'];
export const FINANCE_STAFF: Role[] = ['finance-officer', 'caseworker', 'team-leader'];

function principalOf(context: { req: AuthenticatedRequest }): Principal {
  const principal = context.req.principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

/** Adds the case's money to the cases service's Case. Batched per request, so a page of cases is a fixed number of queries. */
@Resolver(() => CaseRef)
export class CasePaymentsResolver {
  constructor(private readonly queries: ServiceRequestQueries) {}

  @ResolveField(() => ServiceRequestModel, { nullable: true, description: "The case's fees, remissions and payments; null before any fee is due." })
  async serviceRequest(@Parent() parent: CaseRef, @Context() context: { req: AuthenticatedRequest }) {
    const principal = principalOf(context);
    if (!hasRole(principal, ...READERS)) return null;
    const loader = requestLoader<ServiceRequestView>(context, 'payments.serviceRequest', (ids) => this.queries.forCases(ids, principal));
    const found = await loader.load(parent.id);
    return found && ServiceRequestModel.from(found);
  }

  @ResolveField(() => [PaymentModel], { description: 'Payments made for the case, oldest first.' })
  async payments(@Parent() parent: CaseRef, @Context() context: { req: AuthenticatedRequest }) {
    const principal = principalOf(context);
    if (!hasRole(principal, ...READERS)) return [];
    const loader = requestLoader<PaymentView[]>(context, 'payments.payments', (ids) => this.queries.paymentsForCases(ids, principal));
    return ((await loader.load(parent.id)) ?? []).map(PaymentModel.from);
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

@Resolver(() => PaymentModel)
export class PaymentResolver {
  constructor(private readonly queries: PaymentQueries) {}

  @GqlQuery(() => PaymentModel, { description: 'A payment you may see.' })
  @Roles(...READERS)
  async payment(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal) {
    return PaymentModel.from(await this.queries.get(assertUuid(id), principal));
  }

  @GqlQuery(() => PaymentConnection, { description: 'Your payments (a firm: its organisation\'s; staff: all), newest first.' })
  @Roles(...READERS)
  async payments(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(principal, pageSize(first), after), PaymentModel.from);
  }

  @ResolveField(() => CaseRef, { nullable: true, description: 'The case the payment is for, when it came with one.' })
  case(@Parent() parent: PaymentModel): CaseRef | null {
    return parent.caseId ? { id: parent.caseId } : null;
  }

  @GqlQuery(() => [PaymentAccountModel], { description: "Your firm's payment accounts with their credit (staff: every account)." })
  @Roles('professional', ...FINANCE_STAFF)
  async paymentAccounts(@CurrentPrincipal() principal: Principal) {
    return (await this.queries.accountsFor(principal)).map(PaymentAccountModel.from);
  }
}

@ApiTags('payments')
@Controller('api/v1/payments')
export class PaymentController {
  constructor(
    private readonly commands: PaymentCommands,
    private readonly queries: PaymentQueries,
    private readonly requests: ServiceRequestQueries,
    private readonly serviceRequestLedger: ServiceRequestLedger,
    @InjectDataSource() private readonly ledger: DataSource,
  ) {}

  @Get('cases/:caseId/service-request')
  @Roles(...READERS)
  @ApiOperation({ summary: "A case's service request: fees, remissions, payments and what is outstanding" })
  @ApiOkResponse({ type: ServiceRequestModel })
  @ApiNotFoundResponse({ description: 'No fee is due on the case yet, or not a case you may see' })
  async serviceRequest(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const [found] = await this.requests.forCases([assertUuid(caseId, 'caseId')], principal);
    if (!found) throw new NotFoundError('The service request');
    return ServiceRequestModel.from(found);
  }

  @Post('cases/:caseId/service-request/fees/:feeId/claim-amount')
  @HttpCode(200)
  @Roles(...FINANCE_STAFF)
  @ApiOperation({ summary: 'Price a ranged fee, charged at its minimum when the claim amount was unknown, for the amount claimed' })
  @ApiOkResponse({ type: ServiceRequestModel })
  @ApiConflictResponse({ description: 'The fee is not priced at its minimum' })
  async reprice(@Param('caseId') caseId: string, @Param('feeId') feeId: string, @Body() body: ClaimAmountBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const id = assertUuid(caseId, 'caseId');
    await this.ledger.transaction((manager) => this.serviceRequestLedger.repriceFee(manager, id, assertUuid(feeId, 'feeId'), body.claimAmountPence, { correlationId, actor: principal.sub }, new Date()));
    return this.serviceRequest(id, principal);
  }

  @Post('cases/:caseId/payments-by-account')
  @Roles(...PAYERS)
  @ApiOperation({ summary: "Pay a case's fees from your firm's account" })
  @ApiCreatedResponse({ type: PaymentModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'No such case or account, or not yours' })
  @ApiConflictResponse({ description: 'The account is on hold or closed, or the payment would pass its credit limit' })
  async payByAccount(@Param('caseId') caseId: string, @Body() body: PayByAccountBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const payment = await this.commands.payByAccount(assertUuid(caseId, 'caseId'), body, principal, correlationId);
    return PaymentModel.from(await this.queries.get(payment.id, principal));
  }

  @Post('cases/:caseId/card-payments')
  @Roles(...PAYERS)
  @ApiOperation({ summary: 'Start a card payment: send the payer to `nextUrl`; the outcome arrives by the provider\'s callback' })
  @ApiCreatedResponse({ type: PaymentModel })
  async startCard(@Param('caseId') caseId: string, @Body() body: CardPaymentBody, @CurrentPrincipal() principal: Principal) {
    const payment = await this.commands.startCard(assertUuid(caseId, 'caseId'), body, principal);
    return PaymentModel.from(await this.queries.get(payment.id, principal));
  }

  @Post('fine-accounts/:accountNumber/card-payments')
  @Roles(...PAYERS)
  @ApiOperation({ summary: "Start a card payment to a fine account: send the payer to `nextUrl`; once the provider's callback reports success it is allocated to the account" })
  @ApiCreatedResponse({ type: PaymentModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  async startFineAccountCard(@Param('accountNumber') accountNumber: string, @Body() body: FineAccountCardPaymentBody, @CurrentPrincipal() principal: Principal) {
    if (!FINE_ACCOUNT_NUMBER.test(accountNumber)) throw new BadUserInputError('Malformed fine account number', [{ field: 'accountNumber', message: 'must be a fine account number' }]);
    // As enforcement reads it: any case, spaces and dashes dropped.
    const payment = await this.commands.startFineAccountCard(accountNumber.replace(/[\s-]/g, '').toUpperCase(), body, principal);
    return PaymentModel.from(await this.queries.get(payment.id, principal));
  }

  @Post('card-callbacks')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: "The card provider's status callback; refused unless its `Payment-Signature` verifies" })
  @ApiUnauthorizedResponse({ description: 'The signature is missing, wrong or stale' })
  async cardCallback(@Body() body: object, @Headers('payment-signature') signature?: string) {
    await this.commands.cardCallback(body, signature);
  }

  @Post('bulk-scan-payments')
  @Roles('system', 'finance-officer')
  @ApiOperation({ summary: 'Record a banked payment from bulk scanning; without a known case reference or a fine account number it joins the unallocated queue' })
  @ApiCreatedResponse({ type: PaymentModel })
  async bulkScan(@Body() body: BulkScanBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const payment = await this.commands.recordBulkScan(body, principal, correlationId);
    return PaymentModel.from(await this.queries.get(payment.id, principal));
  }

  @Get('payments')
  @Roles(...READERS)
  @ApiOperation({ summary: "Your payments (a firm: its organisation's), newest first" })
  @ApiOkResponse({ description: '`{ items, nextCursor }`' })
  async list(@Query() query: PageParams, @CurrentPrincipal() principal: Principal) {
    const page = await this.queries.list(principal, pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(PaymentModel.from), nextCursor: page.nextCursor };
  }

  @Get('payments/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A payment you may see' })
  @ApiOkResponse({ type: PaymentModel })
  @ApiNotFoundResponse({ description: 'No such payment, or not one you may see' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return PaymentModel.from(await this.queries.get(assertUuid(id), principal));
  }

  @Post('payments/:id/reversals')
  @Roles('finance-officer', 'system')
  @ApiOperation({ summary: 'Record that a payment bounced or was charged back: its effect is taken back' })
  @ApiCreatedResponse({ type: PaymentModel })
  @ApiConflictResponse({ description: 'Not a successful payment, already reversed, or the reason does not fit the method' })
  async reverse(@Param('id') id: string, @Body() body: ReversalBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    await this.commands.reverse(assertUuid(id), body.reason, principal, correlationId);
    return PaymentModel.from(await this.queries.get(id, principal));
  }

  @Get('accounts')
  @Roles('professional', ...FINANCE_STAFF)
  @ApiOperation({ summary: "Your firm's payment accounts and their credit" })
  @ApiOkResponse({ type: [PaymentAccountModel] })
  async accounts(@CurrentPrincipal() principal: Principal) {
    return (await this.queries.accountsFor(principal)).map(PaymentAccountModel.from);
  }

  @Post('accounts')
  @Roles('finance-officer')
  @ApiOperation({ summary: 'Open a payment-by-account for a firm' })
  @ApiCreatedResponse({ type: PaymentAccountModel })
  async openAccount(@Body() body: OpenAccountBody) {
    return PaymentAccountModel.from({ ...(await this.commands.openAccount(body)), usedPence: 0, availablePence: body.creditLimitPence });
  }

  @Post('accounts/:accountNumber/changes')
  @HttpCode(200)
  @Roles('finance-officer')
  @ApiOperation({ summary: "Put an account on hold, reactivate or close it, or change its credit limit" })
  @ApiOkResponse({ type: PaymentAccountModel })
  async changeAccount(@Param('accountNumber') accountNumber: string, @Body() body: ChangeAccountBody, @CurrentPrincipal() principal: Principal) {
    await this.commands.changeAccount(accountNumber, body);
    return PaymentAccountModel.from(present((await this.queries.accountsFor(principal)).find((a) => a.accountNumber === accountNumber)));
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Public, Roles } from '@ccsc/auth';
import { assertUuid, NotFoundError, PageParams, pageSize } from '@ccsc/platform';
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
import { ServiceRequestQueries } from '../../service-request/application/service-request.queries';
import { PaymentCommands } from '../application/payment.commands';
import { PaymentQueries } from '../application/payment.queries';
import {
  BulkScanBody,
  CardPaymentBody,
  ClaimAmountBody,
  ChangeAccountBody,
  CreditLimitDecisionBody,
  fineAccountNumber,
  FineAccountCardPaymentBody,
  OpenAccountBody,
  PayByAccountBody,
  paymentAccountNumber,
  ReversalBody,
} from './payment.inputs';
import {
  PayableFineAccountModel,
  PaymentAccountModel,
  PaymentModel,
  PaymentPageModel,
  ServiceRequestModel,
} from './payment.model';

const PROVIDER_DID_NOT_ANSWER =
  'The card payment provider did not answer: nothing was taken, and the payment is failed; try again';

@ApiTags('payments')
@Controller('api/v1/payments')
export class PaymentController {
  constructor(
    private readonly commands: PaymentCommands,
    private readonly queries: PaymentQueries,
    private readonly requests: ServiceRequestQueries,
    private readonly requestCommands: ServiceRequestCommands,
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
  @ApiOperation({
    summary:
      'Price a ranged fee charged at its minimum (the case stated no claim amount) for the amount on the claim form: up only',
  })
  @ApiOkResponse({ type: ServiceRequestModel })
  @ApiConflictResponse({
    description:
      'The fee is a fixed fee; the case states a claim amount and this is another (a change to the claim is recorded on the case); or the price would be lower than what is charged (a fee is lowered only by a remission, which a second person approves)',
  })
  async reprice(
    @Param('caseId') caseId: string,
    @Param('feeId') feeId: string,
    @Body() body: ClaimAmountBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const id = assertUuid(caseId, 'caseId');
    await this.requestCommands.reprice(id, assertUuid(feeId, 'feeId'), body.claimAmountPence, principal, correlationId);
    return this.serviceRequest(id, principal);
  }

  @Post('cases/:caseId/payments-by-account')
  @Roles(...PAYERS)
  @ApiOperation({ summary: "Pay a case's fees from your firm's account" })
  @ApiCreatedResponse({ type: PaymentModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'No such case or account, or not yours' })
  @ApiConflictResponse({ description: 'The account is on hold or closed, or the payment would pass its credit limit' })
  async payByAccount(
    @Param('caseId') caseId: string,
    @Body() body: PayByAccountBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const payment = await this.commands.payByAccount(assertUuid(caseId, 'caseId'), body, principal, correlationId);
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @Post('cases/:caseId/card-payments')
  @Roles(...PAYERS)
  @ApiOperation({
    summary: "Start a card payment: send the payer to `nextUrl`; the outcome arrives by the provider's callback",
  })
  @ApiCreatedResponse({ type: PaymentModel })
  @ApiBadGatewayResponse({ description: PROVIDER_DID_NOT_ANSWER })
  async startCard(
    @Param('caseId') caseId: string,
    @Body() body: CardPaymentBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const payment = await this.commands.startCard(assertUuid(caseId, 'caseId'), body, principal);
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @Get('fine-accounts/:accountNumber')
  @Roles(...PAYERS)
  @ApiOperation({
    summary:
      'Check a fine account number before taking card details: 404 when no account has it, 400 when it is not one',
  })
  @ApiOkResponse({ type: PayableFineAccountModel })
  @ApiBadRequestResponse({ description: 'Not a fine account number: FA, eight digits and the check letter' })
  @ApiNotFoundResponse({ description: 'No fine account has this number: check it against the notice' })
  async payableFineAccount(
    @Param('accountNumber') accountNumber: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PayableFineAccountModel> {
    return this.queries.payableFineAccount(fineAccountNumber(accountNumber), principal);
  }

  @Post('fine-accounts/:accountNumber/card-payments')
  @Roles(...PAYERS)
  @ApiOperation({
    summary:
      "Start a card payment to a fine account: send the payer to `nextUrl`; once the provider's callback reports success it is allocated to the account",
  })
  @ApiCreatedResponse({ type: PaymentModel })
  @ApiBadRequestResponse({
    description: 'Not a fine account number, or invalid input (problem+json with field errors)',
  })
  @ApiNotFoundResponse({ description: 'No fine account has this number: check it against the notice' })
  @ApiConflictResponse({
    description: 'The account was consolidated into another: the problem names the number to pay instead',
  })
  @ApiBadGatewayResponse({ description: PROVIDER_DID_NOT_ANSWER })
  async startFineAccountCard(
    @Param('accountNumber') accountNumber: string,
    @Body() body: FineAccountCardPaymentBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const payment = await this.commands.startFineAccountCard(fineAccountNumber(accountNumber), body, principal);
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @Post('card-callbacks')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary: "The card provider's status callback; refused unless its `Payment-Signature` verifies",
    description:
      'For the card payment provider only. The body carries `providerReference`, `status` (`success`, `failed`, `cancelled` or `chargeback`), `amountPence`, an optional `failureCode` and `timestamp` (Unix milliseconds, as a string), and nothing else; `Payment-Signature` is `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>." and the body as JSON with its keys sorted>`, and one whose timestamp is more than five minutes off the present is refused. A report repeated by the provider changes nothing the second time.',
  })
  @ApiNoContentResponse({ description: 'The report was taken (or had been already)' })
  @ApiUnauthorizedResponse({ description: 'The signature is missing, wrong or stale' })
  @ApiNotFoundResponse({ description: 'No card payment has this provider reference' })
  @ApiConflictResponse({
    description: 'The reported amount is not the payment’s, or the payment cannot move to the reported status',
  })
  async cardCallback(@Body() body: object, @Headers('payment-signature') signature?: string) {
    await this.commands.cardCallback(body, signature);
  }

  @Post('bulk-scan-payments')
  @Roles(...BULK_SCANNERS)
  @ApiOperation({
    summary:
      'Record a banked payment from bulk scanning; without a known case reference or a valid fine account number (its check letter right) it joins the unallocated queue',
  })
  @ApiCreatedResponse({ type: PaymentModel })
  async bulkScan(
    @Body() body: BulkScanBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const payment = await this.commands.recordBulkScan(body, principal, correlationId);
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @Get('payments')
  @Roles(...READERS)
  @ApiOperation({ summary: "Your payments (a firm: its organisation's), newest first" })
  @ApiOkResponse({ type: PaymentPageModel })
  async list(@Query() query: PageParams, @CurrentPrincipal() principal: Principal) {
    const page = await this.queries.list(principal, pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map((payment) => PaymentModel.from(payment, principal)), nextCursor: page.nextCursor };
  }

  @Get('payments/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A payment you may see' })
  @ApiOkResponse({ type: PaymentModel })
  @ApiNotFoundResponse({ description: 'No such payment, or not one you may see' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return PaymentModel.from(await this.queries.get(assertUuid(id), principal), principal);
  }

  @Post('payments/:id/reversals')
  @Roles(...PAYMENT_OFFICERS)
  @ApiOperation({ summary: 'Record that a payment bounced or was charged back: its effect is taken back' })
  @ApiCreatedResponse({ type: PaymentModel })
  @ApiConflictResponse({
    description: 'Not a successful payment, already reversed, or the reason does not fit the method',
  })
  async reverse(
    @Param('id') id: string,
    @Body() body: ReversalBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const payment = await this.commands.reverse(assertUuid(id), body.reason, principal, correlationId);
    return PaymentModel.from(await this.queries.made(payment, principal), principal);
  }

  @Get('accounts')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: "Your firm's payment accounts and their credit" })
  @ApiOkResponse({ type: [PaymentAccountModel] })
  async accounts(@CurrentPrincipal() principal: Principal) {
    return (await this.queries.accountsFor(principal)).map(PaymentAccountModel.from);
  }

  @Post('accounts')
  @Roles(...ACCOUNT_KEEPERS)
  @ApiOperation({ summary: 'Open a payment-by-account for a firm' })
  @ApiCreatedResponse({ type: PaymentAccountModel })
  async openAccount(@Body() body: OpenAccountBody, @CurrentPrincipal() principal: Principal) {
    const opened = await this.commands.openAccount(body, principal);
    return PaymentAccountModel.from({ ...opened, usedPence: 0, availablePence: opened.creditLimitPence });
  }

  @Post('accounts/:accountNumber/changes')
  @HttpCode(200)
  @Roles(...ACCOUNT_KEEPERS)
  @ApiOperation({
    summary:
      'Put an account on hold, reactivate or close it, or change its credit limit (a higher one waits for a second person)',
  })
  @ApiOkResponse({ type: PaymentAccountModel })
  @ApiBadRequestResponse({ description: 'Not a payment account number, or invalid changes' })
  async changeAccount(
    @Param('accountNumber') accountNumber: string,
    @Body() body: ChangeAccountBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const number = paymentAccountNumber(accountNumber);
    await this.commands.changeAccount(number, body, principal);
    return PaymentAccountModel.from(await this.queries.account(number, principal));
  }

  @Post('accounts/:accountNumber/credit-limit/decision')
  @HttpCode(200)
  @Roles(...CREDIT_APPROVERS)
  @ApiOperation({
    summary: 'Approve or reject the higher credit limit waiting on an account (never the one who asked)',
  })
  @ApiOkResponse({ type: PaymentAccountModel })
  @ApiBadRequestResponse({ description: 'Not a payment account number, or invalid input' })
  @ApiNotFoundResponse({ description: 'No payment account has this number' })
  @ApiConflictResponse({
    description: 'No higher limit is waiting, the account is closed, or the approver is the one who asked for it',
  })
  async decideCreditLimit(
    @Param('accountNumber') accountNumber: string,
    @Body() body: CreditLimitDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const number = paymentAccountNumber(accountNumber);
    await this.commands.decideCreditLimit(number, body, principal);
    return PaymentAccountModel.from(await this.queries.account(number, principal));
  }
}

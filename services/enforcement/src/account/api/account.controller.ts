import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { londonLocalDate } from '@ccsc/calendar';
import { assertUuid, ConflictError, DEFAULT_PAGE_SIZE, isUuid } from '@ccsc/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountQueries } from '../application/account.queries';
import { openAccount } from '../application/open-account';
import { Consolidation } from '../application/consolidation';
import { FineAccountDetail, FineAccountModel, ImpositionModel } from './account.model';
import { AccountListQuery, ConsolidateBody, DefaultRunBody, MeansAssessmentBody, RegisterFixedPenaltyBody, TakeActionBody, termsFrom, VaryTermsBody, WarrantOutcomeBody, WriteOffBody, WriteOffDecisionBody } from './account.inputs';
import { ACCOUNT_READERS, ENFORCEMENT_OFFICERS } from './account.resolver';
import { TermsCommands } from '../../terms/application/terms.commands';
import { ActionCommands } from '../../action/application/action.commands';
import { WriteOffCommands } from '../../write-off/application/write-off.commands';
import { WarrantCommands } from '../../warrant/application/warrant.commands';
import { DefaultRun } from '../../default-run/application/default-run';
import { MiQueries } from '../../mi/application/mi.queries';

/** Partner and staff REST API of enforcement: accounts, terms, actions, write-offs, warrants, the default run and MI. */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class EnforcementController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: AccountQueries,
    private readonly terms: TermsCommands,
    private readonly actions: ActionCommands,
    private readonly writeOffs: WriteOffCommands,
    private readonly warrants: WarrantCommands,
    private readonly defaultRun: DefaultRun,
    private readonly mi: MiQueries,
    private readonly consolidation: Consolidation,
  ) {}

  @Get('accounts')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'Fine accounts, newest first' })
  async list(@Query() query: AccountListQuery, @CurrentPrincipal() principal: Principal) {
    const page = await this.queries.list({ status: query.status, businessUnit: query.businessUnit }, principal, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
    return { items: page.items.map(FineAccountModel.from), nextCursor: page.nextCursor };
  }

  @Get('accounts/:idOrNumber')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'One fine account, by id or by its account number, with its impositions and the actions permitted next' })
  @ApiOkResponse({ type: FineAccountDetail })
  @ApiNotFoundResponse({ description: 'No such account' })
  async get(@Param('idOrNumber') idOrNumber: string, @CurrentPrincipal() principal: Principal): Promise<FineAccountDetail> {
    const account = isUuid(idOrNumber) ? await this.queries.get(idOrNumber, principal) : await this.queries.getByNumber(idOrNumber, principal);
    const impositions = await this.queries.impositions([account.id]);
    return Object.assign(FineAccountModel.from(account), { impositions: impositions.map(ImpositionModel.from), permittedActions: [...this.queries.permittedActions(account)] });
  }

  @Get('accounts/:id/payments')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'The payments applied to an account, oldest first' })
  async payments(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.payments((await this.queries.get(assertUuid(id), principal)).id);
  }

  @Get('accounts/:id/actions')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'The enforcement actions taken on an account, oldest first' })
  async actionsTaken(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.actions((await this.queries.get(assertUuid(id), principal)).id);
  }

  @Get('accounts/:id/warrants')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'The warrants of an account' })
  async warrantsOf(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.warrants.forAccounts([(await this.queries.get(assertUuid(id), principal)).id]);
  }

  @Post('fixed-penalties')
  @Roles('enforcement-officer', 'system')
  @ApiOperation({ summary: 'Register a fixed penalty for enforcement: opens a fixed-penalty account' })
  @ApiCreatedResponse({ type: FineAccountModel })
  @ApiConflictResponse({ description: 'The penalty is registered already' })
  async registerFixedPenalty(@Body() body: RegisterFixedPenaltyBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const opened = await this.dataSource.transaction((manager) =>
      openAccount(
        manager,
        { accountType: 'fixed-penalty', businessUnit: body.businessUnit, caseId: body.caseId, penaltyReference: body.penaltyReference, impositions: [{ kind: 'fine', amountPence: body.amountPence, creditor: 'central-funds' }], openedBy: principal.sub },
        { correlationId, actor: principal.sub },
        new Date(),
      ),
    );
    if (!opened) throw new ConflictError(`Fixed penalty ${body.penaltyReference} is registered already`);
    return FineAccountModel.from(await this.queries.get(opened.id, principal));
  }

  @Post('accounts/:id/terms')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: 'Vary the payment terms, with a reason' })
  @ApiBadRequestResponse({ description: 'Invalid terms (problem+json with field errors)' })
  vary(@Param('id') id: string, @Body() body: VaryTermsBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.terms.vary(assertUuid(id), termsFrom(body.terms), body.reason, principal, correlationId);
  }

  @Post('accounts/:id/means-assessments')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: 'Record a means assessment and get the affordable terms it proposes' })
  assess(@Param('id') id: string, @Body() body: MeansAssessmentBody, @CurrentPrincipal() principal: Principal) {
    const { frequency, ...means } = body;
    return this.terms.assess(assertUuid(id), means, frequency, principal);
  }

  @Post('accounts/:id/actions')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: 'Take an enforcement action' })
  @ApiConflictResponse({ description: 'The action may not follow the last one; the message lists those permitted' })
  takeAction(@Param('id') id: string, @Body() body: TakeActionBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.actions.take(assertUuid(id), body.action, body.details ?? {}, principal, correlationId);
  }

  @Post('accounts/:id/consolidations')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: "Consolidate other live accounts of the same defendant into this one" })
  @ApiCreatedResponse({ type: FineAccountModel })
  @ApiConflictResponse({ description: 'An account is not live, or is another defendant\'s' })
  async consolidate(@Param('id') id: string, @Body() body: ConsolidateBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return FineAccountModel.from(await this.consolidation.consolidate(assertUuid(id), body.accountIds, principal, correlationId));
  }

  @Post('accounts/:id/write-offs')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: 'Ask for a write-off (never above the balance); another officer decides' })
  requestWriteOff(@Param('id') id: string, @Body() body: WriteOffBody, @CurrentPrincipal() principal: Principal) {
    return this.writeOffs.request(assertUuid(id), body.amountPence, body.reason, principal);
  }

  @Post('write-offs/:id/decision')
  @HttpCode(200)
  @Roles('enforcement-officer', 'team-leader', 'finance-officer')
  @ApiOperation({ summary: 'Approve or reject a write-off (a second person, within their limit)' })
  decideWriteOff(@Param('id') id: string, @Body() body: WriteOffDecisionBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.writeOffs.decide(assertUuid(id), body.approve, principal, correlationId);
  }

  @Post('warrants/:id/outcome')
  @HttpCode(200)
  @Roles('enforcement-officer', 'team-leader', 'system')
  @ApiOperation({ summary: 'Report a warrant outcome: given to an agent, executed (with what was collected), returned unexecuted, withdrawn or expired' })
  @ApiConflictResponse({ description: 'The warrant cannot move to that status from where it is' })
  warrantOutcome(@Param('id') id: string, @Body() body: WarrantOutcomeBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.warrants.change(assertUuid(id), body, principal, correlationId);
  }

  @Post('default-runs')
  @HttpCode(200)
  @Roles('enforcement-officer', 'team-leader', 'system')
  @ApiOperation({ summary: 'Run the default run now (it is idempotent for the day)' })
  runDefault(@Body() body: DefaultRunBody, @CurrentPrincipal() principal: Principal) {
    return this.defaultRun.run(body.runOn, principal.sub);
  }

  @Get('mi')
  @Roles('enforcement-officer', 'team-leader', 'finance-officer')
  @ApiOperation({ summary: 'Collection rate, outstanding by age, accounts in default and actions by type, per business unit' })
  managementInformation() {
    return this.mi.byBusinessUnit(londonLocalDate(new Date()));
  }
}

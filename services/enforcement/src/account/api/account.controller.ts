import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, DEFAULT_PAGE_SIZE, isUuid } from '@ccsc/platform';
import { AccountQueries } from '../application/account.queries';
import { AccountCommands } from '../application/account.commands';
import { ACCOUNT_READERS, ENFORCEMENT_OFFICERS, FIXED_PENALTY_REGISTRARS } from '../../roles';
import { ACCOUNT_NUMBER_EXAMPLE } from '../../api-descriptions';
import {
  FineAccountDetail,
  FineAccountModel,
  FineAccountPageModel,
  FineAccountPaymentModel,
  ImpositionModel,
} from './account.model';
import { AccountListQuery, ConsolidateBody, RegisterFixedPenaltyBody } from './account.inputs';

/** Fine accounts over REST: reading them (a defendant's across cases too) and their payments, fixed penalties, consolidation. */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class AccountController {
  constructor(
    private readonly queries: AccountQueries,
    private readonly commands: AccountCommands,
  ) {}

  @Get('accounts')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'Fine accounts, newest first' })
  @ApiOkResponse({ type: FineAccountPageModel })
  async list(@Query() query: AccountListQuery, @CurrentPrincipal() principal: Principal) {
    const filter = { status: query.status, businessUnit: query.businessUnit };
    const page = await this.queries.list(filter, principal, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
    // createdAt is the page's cursor key, not part of the item.
    return {
      items: page.items.map(({ createdAt: _cursor, ...account }) => FineAccountModel.from(account)),
      nextCursor: page.nextCursor,
    };
  }

  @Get('accounts/:idOrNumber')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({
    summary: 'One fine account, by id or by its account number, with its impositions and the actions permitted next',
  })
  @ApiParam({
    name: 'idOrNumber',
    description:
      'The account id (UUID), or its account number (FA, eight digits, check letter) in any case, with or without spaces or dashes',
    example: ACCOUNT_NUMBER_EXAMPLE,
  })
  @ApiOkResponse({ type: FineAccountDetail })
  @ApiNotFoundResponse({ description: 'No such account' })
  async get(
    @Param('idOrNumber') idOrNumber: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FineAccountDetail> {
    const account = isUuid(idOrNumber)
      ? await this.queries.get(idOrNumber, principal)
      : await this.queries.getByNumber(idOrNumber, principal);
    const impositions = await this.queries.impositions([account.id]);
    return Object.assign(FineAccountModel.from(account), {
      impositions: impositions.map(ImpositionModel.from),
      permittedActions: [...this.queries.permittedActions(account)],
    });
  }

  @Get('accounts/:id/payments')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'The payments applied to an account, oldest first' })
  @ApiOkResponse({ type: [FineAccountPaymentModel] })
  payments(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.payments(assertUuid(id), principal);
  }

  @Get('defendants/:partyId/accounts')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({
    summary:
      "A defendant's accounts across cases, oldest first: those of the party and of every party staff matched with it as the same person",
  })
  @ApiOkResponse({ type: [FineAccountModel] })
  async ofDefendant(@Param('partyId') partyId: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.forDefendant(assertUuid(partyId, 'partyId'), principal)).map(FineAccountModel.from);
  }

  @Post('fixed-penalties')
  @Roles(...FIXED_PENALTY_REGISTRARS)
  @ApiOperation({ summary: 'Register a fixed penalty for enforcement: opens a fixed-penalty account' })
  @ApiCreatedResponse({ type: FineAccountModel })
  @ApiConflictResponse({ description: 'The penalty is registered already' })
  async registerFixedPenalty(
    @Body() body: RegisterFixedPenaltyBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const opened = await this.commands.registerFixedPenalty(body, principal, correlationId);
    return FineAccountModel.from(await this.queries.get(opened.id, principal));
  }

  @Post('accounts/:id/consolidations')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: 'Consolidate other live accounts of the same defendant into this one' })
  @ApiCreatedResponse({ type: FineAccountModel })
  @ApiConflictResponse({
    description:
      "An account is not live or is another defendant's, this account names no defendant, or together they would hold more than one account may",
  })
  async consolidate(
    @Param('id') id: string,
    @Body() body: ConsolidateBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return FineAccountModel.from(
      await this.commands.consolidate(assertUuid(id), body.accountIds, principal, correlationId),
    );
  }
}

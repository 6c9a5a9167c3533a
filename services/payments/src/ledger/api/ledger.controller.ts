import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { assertUuid, PageParams, pageSize } from '@ccsc/platform';
import { RECONCILERS } from '../../roles';
import { LedgerEntryQueries } from '../application/ledger-entry.queries';
import { LedgerQueries } from '../application/ledger.queries';
import { LedgerBalancesQuery, LedgerEntriesQuery, ReconciliationArgs } from './ledger.inputs';
import { LedgerBalancePageModel, LedgerEntryModel, LedgerEntryPageModel, ReconciliationModel } from './ledger.model';

@ApiTags('ledger')
@Controller('api/v1/payments/reconciliation')
export class ReconciliationController {
  constructor(private readonly queries: LedgerQueries) {}

  @Get()
  @Roles(...RECONCILERS)
  @ApiOperation({
    summary:
      "The daily reconciliation: takings by method, allocations by business area, where the day's takings went, and each difference flagged",
  })
  @ApiOkResponse({ type: ReconciliationModel })
  @ApiBadRequestResponse({ description: 'Not a calendar day' })
  async report(@Query() query: ReconciliationArgs): Promise<ReconciliationModel> {
    return this.queries.report(query.date);
  }
}

/** The ledger itself, for finance officers: entries of an account or a case, and balances at a day's end. */
@ApiTags('ledger')
@Controller('api/v1/payments/ledger')
export class LedgerController {
  constructor(private readonly queries: LedgerEntryQueries) {}

  @Get('entries')
  @Roles(...RECONCILERS)
  @ApiOperation({ summary: "A ledger account's entries, oldest first, with their movements' tags" })
  @ApiOkResponse({ type: LedgerEntryPageModel })
  async entries(@Query() query: LedgerEntriesQuery): Promise<LedgerEntryPageModel> {
    const page = await this.queries.accountEntries(query.account, pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(LedgerEntryModel.from), nextCursor: page.nextCursor };
  }

  @Get('cases/:caseId/entries')
  @Roles(...RECONCILERS)
  @ApiOperation({
    summary:
      "A case's ledger entries, oldest first: its service request's movements and those of its payments and refunds",
  })
  @ApiOkResponse({ type: LedgerEntryPageModel })
  @ApiNotFoundResponse({ description: 'No such case' })
  async caseEntries(@Param('caseId') caseId: string, @Query() query: PageParams): Promise<LedgerEntryPageModel> {
    const id = assertUuid(caseId, 'caseId');
    const page = await this.queries.caseEntries(id, pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(LedgerEntryModel.from), nextCursor: page.nextCursor };
  }

  @Get('balances')
  @Roles(...RECONCILERS)
  @ApiOperation({ summary: 'The balance of each ledger account at the end of a London day, in account order' })
  @ApiOkResponse({ type: LedgerBalancePageModel })
  @ApiBadRequestResponse({ description: 'Not a calendar day, not a kind of account, or a cursor from another day' })
  async balances(@Query() query: LedgerBalancesQuery): Promise<LedgerBalancePageModel> {
    const page = await this.queries.balancesAt(query.date, query.kind, pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items, nextCursor: page.nextCursor };
  }
}

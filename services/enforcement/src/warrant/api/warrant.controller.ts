import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, DEFAULT_PAGE_SIZE } from '@ccsc/platform';
import { WarrantCommands } from '../application/warrant.commands';
import { WarrantQueries } from '../application/warrant.queries';
import { ACCOUNT_READERS, WARRANT_READERS, WARRANT_REPORTERS } from '../../roles';
import { warrantChangeFrom, WarrantListQuery, WarrantOutcomeBody } from './warrant.inputs';
import { WarrantModel, WarrantPageModel } from './warrant.model';

/** Warrants over REST: an agency's work list, an account's warrants, and their outcomes as officers and agencies report them. */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class WarrantController {
  constructor(
    private readonly queries: WarrantQueries,
    private readonly warrants: WarrantCommands,
  ) {}

  @Get('warrants')
  @Roles(...WARRANT_READERS)
  @ApiOperation({
    summary:
      "Warrants, newest issued first: every one for staff, and for an enforcement agency's token only those given to its agency",
  })
  @ApiOkResponse({ type: WarrantPageModel })
  async list(@Query() query: WarrantListQuery, @CurrentPrincipal() principal: Principal) {
    const filter = { status: query.status, agent: query.agent };
    const page = await this.queries.list(filter, principal, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
    // createdAt is the page's cursor key, not part of the item.
    return {
      items: page.items.map(({ createdAt: _cursor, ...warrant }) => WarrantModel.from(warrant)),
      nextCursor: page.nextCursor,
    };
  }

  @Get('accounts/:id/warrants')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'The warrants of an account, oldest first' })
  @ApiOkResponse({ type: [WarrantModel] })
  warrantsOf(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.ofAccount(assertUuid(id), principal);
  }

  @Post('warrants/:id/outcome')
  @HttpCode(200)
  @Roles(...WARRANT_REPORTERS)
  @ApiOperation({
    summary:
      'Report a warrant outcome: given to an agent, executed (with what was collected), returned unexecuted, withdrawn or expired',
  })
  @ApiOkResponse({ type: WarrantModel })
  @ApiForbiddenResponse({
    description:
      "Your role may not report outcomes, an officer reports a warrant executed (only the agency holding it does), or an agency reports a status that is the court's",
  })
  @ApiNotFoundResponse({ description: 'No such warrant, or, for an enforcement agency, not one given to it' })
  @ApiConflictResponse({ description: 'The warrant cannot move to that status from where it is' })
  warrantOutcome(
    @Param('id') id: string,
    @Body() body: WarrantOutcomeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.warrants.change(assertUuid(id), warrantChangeFrom(body), principal, correlationId);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, DEFAULT_PAGE_SIZE } from '@ccsc/platform';
import { SuspenseCommands } from '../application/suspense.commands';
import { SuspenseQueries } from '../application/suspense.queries';
import { ENFORCEMENT_OFFICERS, SUSPENSE_READERS } from '../../roles';
import { SuspenseAllocationBody, SuspenseListQuery } from './suspense.inputs';
import { SuspenseItemModel, SuspenseItemPageModel } from './suspense.model';

/** The suspense worklist over REST: what is held, allocating it, and asking for it back to the payer. */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class SuspenseController {
  constructor(
    private readonly queries: SuspenseQueries,
    private readonly commands: SuspenseCommands,
  ) {}

  @Get('suspense')
  @Roles(...SUSPENSE_READERS)
  @ApiOperation({ summary: 'Payments held in suspense, oldest first, by reason and by state' })
  @ApiOkResponse({ type: SuspenseItemPageModel })
  async list(@Query() query: SuspenseListQuery, @CurrentPrincipal() principal: Principal) {
    const page = await this.queries.list(
      { reason: query.reason, state: query.state },
      principal,
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor,
      'cursor',
    );
    // createdAt is the page's cursor key, not part of the item.
    return {
      items: page.items.map(({ createdAt: _cursor, ...item }) => SuspenseItemModel.from(item)),
      nextCursor: page.nextCursor,
    };
  }

  @Post('suspense/:id/allocation')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({
    summary:
      'Apply held money to the account it was meant for, as any payment is applied (what the account cannot take goes back to suspense)',
  })
  @ApiOkResponse({ type: SuspenseItemModel })
  @ApiNotFoundResponse({ description: 'No such item, or no such account' })
  @ApiConflictResponse({
    description: 'The item is not held (allocated already, refunded, ...), or the account cannot take money',
  })
  async allocate(
    @Param('id') id: string,
    @Body() body: SuspenseAllocationBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return SuspenseItemModel.from(
      await this.commands.allocate(assertUuid(id), body.accountNumber, principal, correlationId),
    );
  }

  @Post('suspense/:id/refund')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({
    summary: 'Ask for held money to go back to the payer: payments raises the refund, and a second person approves it',
  })
  @ApiOkResponse({ type: SuspenseItemModel })
  @ApiNotFoundResponse({ description: 'No such item' })
  @ApiConflictResponse({ description: 'The item is not held' })
  async refund(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return SuspenseItemModel.from(await this.commands.requestRefund(assertUuid(id), principal, correlationId));
  }
}

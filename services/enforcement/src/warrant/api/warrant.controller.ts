import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { WarrantCommands } from '../application/warrant.commands';
import { WarrantQueries } from '../application/warrant.queries';
import { ACCOUNT_READERS, WARRANT_REPORTERS } from '../../roles';
import { warrantChangeFrom, WarrantOutcomeBody } from './warrant.inputs';

/** Warrants over REST: an account's warrants, and their outcomes as officers and agents report them. */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class WarrantController {
  constructor(
    private readonly queries: WarrantQueries,
    private readonly warrants: WarrantCommands,
  ) {}

  @Get('accounts/:id/warrants')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'The warrants of an account' })
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

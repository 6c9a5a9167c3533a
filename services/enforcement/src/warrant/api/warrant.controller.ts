import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { WarrantCommands } from '../application/warrant.commands';
import { WarrantQueries } from '../application/warrant.queries';
import { ACCOUNT_READERS, WARRANT_REPORTERS } from '../../roles';
import { warrantChangeFrom, WarrantOutcomeBody } from './warrant.inputs';
import { WarrantModel } from './warrant.model';

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
      'Your role may not report outcomes, or you report the warrant executed without being the enforcement agent holding it',
  })
  @ApiNotFoundResponse({ description: 'No such warrant, or, for an enforcement agent, not one given to it' })
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

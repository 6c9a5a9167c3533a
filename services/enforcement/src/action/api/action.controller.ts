import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { ActionCommands } from '../application/action.commands';
import { ActionQueries } from '../application/action.queries';
import { ACCOUNT_READERS, ENFORCEMENT_OFFICERS } from '../../roles';
import { TakeActionBody } from './action.inputs';
import { EnforcementActionRecordModel, TakenEnforcementActionModel } from './action.model';

/** Enforcement actions over REST: those taken on an account, and taking one. */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class ActionController {
  constructor(
    private readonly queries: ActionQueries,
    private readonly actions: ActionCommands,
  ) {}

  @Get('accounts/:id/actions')
  @Roles(...ACCOUNT_READERS)
  @ApiOperation({ summary: 'The enforcement actions taken on an account, oldest first' })
  @ApiOkResponse({ type: [EnforcementActionRecordModel] })
  actionsTaken(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.ofAccount(assertUuid(id), principal);
  }

  @Post('accounts/:id/actions')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: 'Take an enforcement action' })
  @ApiCreatedResponse({ type: TakenEnforcementActionModel })
  @ApiConflictResponse({
    description:
      'The account is not live; the action may not follow the last one (the message lists those permitted); it is for fixed penalties only; or it was taken on the account today already',
  })
  takeAction(
    @Param('id') id: string,
    @Body() body: TakeActionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.actions.take(assertUuid(id), body.action, body.details ?? {}, principal, correlationId);
  }
}

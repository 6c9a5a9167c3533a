import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { approvalLimitsText, CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { WriteOffCommands } from '../application/write-off.commands';
import { ENFORCEMENT_OFFICERS, WRITE_OFF_DECIDERS } from '../../roles';
import { WriteOffBody, WriteOffDecisionBody } from './write-off.inputs';
import { WriteOffModel } from './write-off.model';

/** Write-offs over REST: asking for one, and deciding it (a second person). */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class WriteOffController {
  constructor(private readonly writeOffs: WriteOffCommands) {}

  @Post('accounts/:id/write-offs')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: 'Ask for a write-off (never above the balance); another officer decides' })
  @ApiCreatedResponse({ type: WriteOffModel })
  @ApiConflictResponse({ description: 'The account is not live' })
  requestWriteOff(@Param('id') id: string, @Body() body: WriteOffBody, @CurrentPrincipal() principal: Principal) {
    return this.writeOffs.request(assertUuid(id), body.amountPence, body.reason, principal);
  }

  @Post('write-offs/:id/decision')
  @HttpCode(200)
  @Roles(...WRITE_OFF_DECIDERS)
  @ApiOperation({ summary: 'Approve or reject a write-off (a second person, within their limit)' })
  @ApiOkResponse({ type: WriteOffModel })
  @ApiForbiddenResponse({
    description: `Your role may not decide write-offs, or approving would put more written off on the account (counting what is written off already, also on accounts consolidated into it, and your own requests on it still waiting) than your limit: ${approvalLimitsText(WRITE_OFF_DECIDERS)}`,
  })
  @ApiConflictResponse({
    description:
      'The write-off is decided already; you asked for it yourself (a second person decides); the account is not live; or its balance is now less than the write-off',
  })
  decideWriteOff(
    @Param('id') id: string,
    @Body() body: WriteOffDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.writeOffs.decide(assertUuid(id), body.approve, principal, correlationId);
  }
}

import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { ASSISTED_DIGITAL_OFFICERS, CASE_READERS } from '../../roles';
import { ReferralCommands } from '../application/referral.commands';
import { ReferralQueries } from '../application/referral.queries';
import { ReferBody, ReferralStatusBody } from './referral.inputs';
import { AssistedDigitalReferralModel } from './referral.model';
import { KEY_REUSED } from '../../api-descriptions';

@ApiTags('cases')
@Controller('api/v1/cases/:id/assisted-digital-referrals')
export class ReferralController {
  constructor(
    private readonly commands: ReferralCommands,
    private readonly queries: ReferralQueries,
  ) {}

  @Post()
  @Roles(...ASSISTED_DIGITAL_OFFICERS)
  @ApiOperation({ summary: 'Refer a user to the assisted-digital supplier' })
  @ApiCreatedResponse({ type: AssistedDigitalReferralModel })
  @ApiConflictResponse({ description: `The case has ended (withdrawn, struck out, closed...), or ${KEY_REUSED}` })
  refer(
    @Param('id') id: string,
    @Body() body: ReferBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.commands.refer(assertUuid(id), body.partyId, body.needs, principal, correlationId);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'Assisted-digital referrals of a case',
    description: 'Staff see all; anyone else only those of the parties they act for.',
  })
  @ApiOkResponse({ type: [AssistedDigitalReferralModel] })
  list(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(assertUuid(id), principal);
  }

  @Post(':referralId/status')
  @Roles(...ASSISTED_DIGITAL_OFFICERS)
  @ApiOperation({ summary: 'Record the progress of a referral' })
  @ApiCreatedResponse({ type: AssistedDigitalReferralModel })
  @ApiConflictResponse({
    description: `The referral cannot move to that status (a referred one is accepted or declined, an accepted one completed or declined; completed and declined are final), or ${KEY_REUSED}`,
  })
  update(
    @Param('id') id: string,
    @Param('referralId') referralId: string,
    @Body() body: ReferralStatusBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.commands.update(
      assertUuid(id),
      assertUuid(referralId, 'referralId'),
      body.status,
      body.supplierReference,
      principal,
      correlationId,
    );
  }
}

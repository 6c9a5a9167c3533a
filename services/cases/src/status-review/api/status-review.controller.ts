import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, NotFoundError } from '@ccsc/platform';
import { CASE_READERS, MINDED_TO_NOTICE_ISSUERS, REFERRAL_READERS, STATUS_REVIEW_CASEWORKERS } from '../../roles';
import { StatusReviewCommands } from '../application/status-review.commands';
import { StatusReviewQueries } from '../application/status-review.queries';
import { IssueMindedToNoticeBody, RecordReferralBody, RecordRepresentationsBody } from './status-review.inputs';
import { MindedToNoticeModel, ReferralModel, RepresentationsModel } from './status-review.model';
import { INVALID_INPUT, KEY_REUSED } from '../../api-descriptions';

@ApiTags('cases')
@Controller('api/v1/cases/:id/status-review')
export class StatusReviewController {
  constructor(
    private readonly commands: StatusReviewCommands,
    private readonly queries: StatusReviewQueries,
  ) {}

  @Post('referrals')
  @Roles(...STATUS_REVIEW_CASEWORKERS)
  @ApiOperation({ summary: 'Record who referred the person for review, and their concerns' })
  @ApiCreatedResponse({ type: ReferralModel })
  @ApiConflictResponse({ description: `The case type takes no referrals, the review is finished, or ${KEY_REUSED}` })
  recordReferral(
    @Param('id') id: string,
    @Body() body: RecordReferralBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<ReferralModel> {
    return this.commands.recordReferral(assertUuid(id), body, principal, correlationId);
  }

  @Get('referrals')
  @Roles(...REFERRAL_READERS)
  @ApiOperation({ summary: 'The referrals of a status review, oldest first (staff only)' })
  @ApiOkResponse({ type: [ReferralModel] })
  referrals(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ReferralModel[]> {
    return this.queries.referralsOf(assertUuid(id), principal);
  }

  @Post('minded-to-notice')
  @Roles(...MINDED_TO_NOTICE_ISSUERS)
  @ApiOperation({
    summary:
      'Issue the minded-to notice with its proposed outcome and grounds: the case moves on, and the time for representations starts',
  })
  @ApiCreatedResponse({ type: MindedToNoticeModel })
  @ApiConflictResponse({
    description: `A notice has already been issued, the case type has none, the case is not in a state, or not ready, to issue it (the detail says what is missing), or ${KEY_REUSED}`,
  })
  issueMindedToNotice(
    @Param('id') id: string,
    @Body() body: IssueMindedToNoticeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<MindedToNoticeModel> {
    return this.commands.issueMindedToNotice(assertUuid(id), body, principal, correlationId);
  }

  @Get('minded-to-notice')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'The minded-to notice of a status review, with the representations made on it' })
  @ApiOkResponse({ type: MindedToNoticeModel })
  @ApiNotFoundResponse({ description: 'No such case or not one you may see, or no minded-to notice issued on it yet' })
  async mindedToNotice(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MindedToNoticeModel> {
    const notice = await this.queries.mindedToNotice(assertUuid(id), principal);
    if (!notice) throw new NotFoundError('The minded-to notice');
    return notice;
  }

  @Post('minded-to-notice/representations')
  @Roles(...STATUS_REVIEW_CASEWORKERS)
  @ApiOperation({ summary: 'Record representations received on the minded-to notice (late ones too)' })
  @ApiCreatedResponse({ type: RepresentationsModel })
  @ApiBadRequestResponse({ description: `${INVALID_INPUT}, or received before the notice was issued or after today` })
  @ApiConflictResponse({
    description: `No minded-to notice has been issued, the case no longer waits on it for representations, or ${KEY_REUSED}`,
  })
  recordRepresentations(
    @Param('id') id: string,
    @Body() body: RecordRepresentationsBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<RepresentationsModel> {
    return this.commands.recordRepresentations(assertUuid(id), body, principal, correlationId);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles, CorrelationId } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { CASE_READERS, HEARING_STAFF } from '../../roles';
import { HearingCommands } from '../application/hearing.commands';
import { HearingQueries } from '../application/hearing.queries';
import { HearingModel } from './hearing.model';
import {
  HearingListingBody,
  HearingLanguageQuery,
  HearingsAtVenueQuery,
  HearingStatusBody,
  listingCommand,
  statusChange,
} from './hearing.inputs';
import { INVALID_INPUT, KEY_REUSED } from '../../api-descriptions';

/**
 * Partner REST API for hearings, under the cases they belong to. The venue list sits at
 * `hearings/by-venue`: two path segments, so it can never be taken for a case id or reference by
 * CaseController's `:idOrReference`, whichever controller Nest registers first.
 */
@ApiTags('hearings')
@Controller('api/v1/cases')
export class HearingController {
  constructor(
    private readonly commands: HearingCommands,
    private readonly queries: HearingQueries,
  ) {}

  @Get('hearings/by-venue')
  @Roles(...HEARING_STAFF)
  @ApiOperation({ summary: "A venue's hearings on a day in England, soonest first (staff only)" })
  @ApiOkResponse({ type: [HearingModel] })
  @ApiBadRequestResponse({ description: 'Invalid venue code or day (problem+json with field errors)' })
  async atVenue(@Query() query: HearingsAtVenueQuery, @CurrentPrincipal() principal: Principal) {
    const hearings = await this.queries.atVenue(query.venueId, query.date, principal);
    return hearings.map((hearing) => HearingModel.from(hearing, query.language));
  }

  @Post(':id/hearings')
  @Roles(...HEARING_STAFF)
  @ApiOperation({ summary: 'List a hearing for a case' })
  @ApiCreatedResponse({ type: HearingModel, description: 'The hearing, listed; `Location` names it.' })
  @ApiBadRequestResponse({
    description: `${INVALID_INPUT}, a start that is not in the future or is five years or more ahead, or a blank venue`,
  })
  async list(
    @Param('id') id: string,
    @Body() body: HearingListingBody,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @CorrelationId() correlationId?: string,
  ) {
    const command = listingCommand(assertUuid(id), body);
    const listed = HearingModel.from(await this.commands.list(command, principal, { correlationId }));
    res.location(`/api/v1/cases/${listed.caseId}/hearings/${listed.id}`);
    return listed;
  }

  @Get(':id/hearings')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'The hearings of a case, soonest first' })
  @ApiOkResponse({ type: [HearingModel] })
  async forCase(
    @Param('id') id: string,
    @Query() query: HearingLanguageQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const hearings = await this.queries.forCase(assertUuid(id), principal);
    return hearings.map((hearing) => HearingModel.from(hearing, query.language));
  }

  @Get(':id/hearings/:hearingId')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'One hearing of a case, and whether it is going ahead' })
  @ApiOkResponse({ type: HearingModel })
  @ApiNotFoundResponse({ description: 'No such case or hearing, or not one you may see' })
  async get(
    @Param('id') id: string,
    @Param('hearingId') hearingId: string,
    @Query() query: HearingLanguageQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const hearing = await this.queries.get(assertUuid(hearingId, 'hearingId'), principal, assertUuid(id));
    return HearingModel.from(hearing, query.language);
  }

  @Post(':id/hearings/:hearingId/status')
  @HttpCode(200)
  @Roles(...HEARING_STAFF)
  @ApiOperation({ summary: 'Record how a hearing stands on the day, or relist an adjourned one' })
  // One example per kind of change: each status takes its own details and refuses the others'.
  @ApiBody({
    type: HearingStatusBody,
    examples: {
      runningLate: { summary: 'Running late', value: { status: 'running-late', delayMinutes: 30 } },
      adjourned: { summary: 'Adjourned', value: { status: 'adjourned', reason: 'the interpreter did not attend' } },
      relisted: {
        summary: 'An adjourned hearing relisted',
        value: { status: 'listed', startsAt: '2031-09-01T10:00:00+01:00' },
      },
    },
  })
  @ApiOkResponse({ type: HearingModel })
  @ApiBadRequestResponse({ description: 'Invalid input, or details the status needs or cannot carry' })
  @ApiNotFoundResponse({ description: 'No such case or hearing, or not one you may see' })
  @ApiConflictResponse({ description: `The hearing cannot move to that status from where it is, or ${KEY_REUSED}` })
  async changeStatus(
    @Param('id') id: string,
    @Param('hearingId') hearingId: string,
    @Body() body: HearingStatusBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const changed = await this.commands.changeStatus(
      assertUuid(hearingId, 'hearingId'),
      statusChange(body),
      principal,
      { caseId: assertUuid(id), correlationId },
    );
    return HearingModel.from(changed);
  }
}

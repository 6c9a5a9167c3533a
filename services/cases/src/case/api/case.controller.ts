import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, isUuid, pageSize } from '@ccsc/platform';
import { CaseCommands } from '../application/case.commands';
import { CaseQueries } from '../application/case.queries';
import { CaseModel, CasePageModel, HistoryEntryModel, ReadinessModel } from './case.model';
import { CreateCaseInput, ListCasesQuery, ReadinessQuery, TriggerCaseEventBody } from './case.inputs';
import { CASE_CREATORS, CASE_EVENT_TRIGGERERS, CASE_READERS } from '../../roles';
import { TimelineEntryModel } from '../../timeline/api/timeline.model';
import { TimelineQueries } from '../../timeline/application/timeline.queries';
import { checkedKinds, TIMELINE_KINDS } from '../../timeline/domain/timeline-kind';
import { INVALID_INPUT, KEY_REUSED } from '../../api-descriptions';

/** Partner REST API for cases, version 1. Errors are RFC 9457 problem+json. */
@ApiTags('cases')
@Controller('api/v1/cases')
export class CaseController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
    private readonly timelines: TimelineQueries,
  ) {}

  @Post()
  @Roles(...CASE_CREATORS)
  @ApiOperation({ summary: 'Open a case' })
  @ApiCreatedResponse({ type: CaseModel, description: 'The case, opened in its initial state; `Location` names it.' })
  @ApiBadRequestResponse({
    description: `${INVALID_INPUT}, an unknown case type, or a claim amount for a case type that claims no money`,
  })
  @ApiForbiddenResponse({
    description:
      'Your role may not open a case, or a party is entered as you may not: a firm names itself, and only itself, for exactly one party and links no citizen account; a citizen names no firm and links only their own account',
  })
  async create(
    @Body() body: CreateCaseInput,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @CorrelationId() correlationId?: string,
  ) {
    const created = CaseModel.from(await this.commands.create(body, principal, correlationId), principal);
    res.location(`/api/v1/cases/${created.id}`);
    return created;
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'List the cases you may see, newest first' })
  @ApiOkResponse({ type: CasePageModel })
  async list(@Query() query: ListCasesQuery, @CurrentPrincipal() principal: Principal): Promise<CasePageModel> {
    const { limit, cursor, ...filter } = query;
    const page = await this.queries.list(filter, principal, pageSize(limit, 'limit'), cursor);
    return { items: page.items.map((c) => CaseModel.from(c, principal)), nextCursor: page.nextCursor };
  }

  @Get(':idOrReference')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Get a case by id or by its 16-digit reference' })
  @ApiOkResponse({ type: CaseModel })
  @ApiBadRequestResponse({ description: 'Neither a case id (UUID) nor a 16-digit reference with a valid check digit' })
  async get(@Param('idOrReference') idOrReference: string, @CurrentPrincipal() principal: Principal) {
    const found = isUuid(idOrReference)
      ? await this.queries.get(idOrReference, principal)
      : await this.queries.getByReference(idOrReference, principal);
    return CaseModel.from(found, principal);
  }

  @Get(':id/readiness')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Whether the case is ready for an event, and what is missing' })
  @ApiOkResponse({ type: ReadinessModel })
  @ApiBadRequestResponse({ description: `${INVALID_INPUT}, or not an event of the case's type` })
  @ApiForbiddenResponse({
    description: 'What a case waits for is shown to staff and the side that pays its fees; the other side is refused',
  })
  async readiness(@Param('id') id: string, @Query() query: ReadinessQuery, @CurrentPrincipal() principal: Principal) {
    return ReadinessModel.from(
      await this.queries.readiness(assertUuid(id), query.event, principal, query.language ?? 'en'),
    );
  }

  @Get(':id/history')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Every state change of the case: what, who, when and why' })
  @ApiOkResponse({ type: [HistoryEntryModel] })
  async history(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.history(assertUuid(id), principal);
  }

  @Post(':id/events')
  @HttpCode(200)
  @Roles(...CASE_EVENT_TRIGGERERS)
  @ApiOperation({ summary: "Trigger an event of the case's type" })
  @ApiOkResponse({ type: CaseModel, description: 'The case after the event' })
  @ApiBadRequestResponse({
    description: `${INVALID_INPUT}, not an event of the case's type, or an \`until\` the event does not take, or one not after today or more than five years ahead`,
  })
  @ApiForbiddenResponse({ description: 'Your role, or the side you act for, may not trigger this event' })
  @ApiConflictResponse({
    description: `The case is not in a state the event starts from, or not ready for it (the detail says what is missing), or ${KEY_REUSED}`,
  })
  async trigger(
    @Param('id') id: string,
    @Body() body: TriggerCaseEventBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return CaseModel.from(
      await this.commands.triggerEvent(assertUuid(id), body.event, principal, {
        reason: body.reason,
        until: body.until ?? undefined,
        correlationId,
      }),
      principal,
    );
  }

  @Get(':id/timeline')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Everything that happened to the case, from any service, oldest first' })
  @ApiOkResponse({ type: [TimelineEntryModel] })
  @ApiQuery({ name: 'kind', required: false, isArray: true, enum: TIMELINE_KINDS })
  async timeline(
    @Param('id') id: string,
    @Query('kind') kind: string | string[] | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    const kinds = kind === undefined ? undefined : Array.isArray(kind) ? kind : [kind];
    return this.timelines.forCase(
      await this.queries.get(assertUuid(id), principal),
      principal,
      checkedKinds(kinds, 'kind'),
    );
  }
}

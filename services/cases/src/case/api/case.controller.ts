import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
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
  @ApiCreatedResponse({ type: CaseModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
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
  @ApiNotFoundResponse({ description: 'No such case, or not one you may see' })
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
  @ApiOkResponse({ type: CaseModel })
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

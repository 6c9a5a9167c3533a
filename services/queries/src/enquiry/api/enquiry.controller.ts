import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, pageSize } from '@ccsc/platform';
import { EnquiryCommands } from '../application/enquiry.commands';
import { EnquiryQueries } from '../application/enquiry.queries';
import { EnquiryMessageModel, EnquiryModel, EnquiryPageModel } from './enquiry.model';
import {
  AssistedDigitalNeedsBody,
  ComplaintConversionBody,
  EnquiryMessageBody,
  EnquiryStatusBody,
  ListEnquiriesQuery,
  messageCommand,
  RaiseEnquiryInput,
  raiseCommand,
} from './enquiry.inputs';
import { ENQUIRY_READERS, OFFICERS } from '../../roles';

/** Partner and web-form REST API for enquiries, version 1. Errors are RFC 9457 problem+json. */
@ApiTags('queries')
@Controller('api/v1/queries')
export class EnquiryController {
  constructor(
    private readonly commands: EnquiryCommands,
    private readonly queries: EnquiryQueries,
  ) {}

  @Post('enquiries')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({ summary: 'Raise an enquiry (web form or partner); it is triaged and its SLA clocks start' })
  @ApiCreatedResponse({ type: EnquiryModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'The caseId names no case, or not one you may see' })
  async raise(
    @Body() body: RaiseEnquiryInput,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @CorrelationId() correlationId?: string,
  ) {
    const raised = EnquiryModel.from(
      await this.commands.raise(raiseCommand(body), principal, correlationId),
      principal,
    );
    res.location(`/api/v1/queries/enquiries/${raised.id}`);
    return raised;
  }

  @Get('enquiries')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({ summary: 'The enquiries you may see, newest first' })
  @ApiOkResponse({ type: EnquiryPageModel })
  async list(@Query() query: ListEnquiriesQuery, @CurrentPrincipal() principal: Principal): Promise<EnquiryPageModel> {
    const page = await this.queries.list(principal, pageSize(query.limit, 'limit'), query.cursor, query.status);
    return { items: page.items.map((enquiry) => EnquiryModel.from(enquiry, principal)), nextCursor: page.nextCursor };
  }

  @Get('enquiries/:id')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({ summary: 'An enquiry with its SLA state' })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiNotFoundResponse({ description: 'No such enquiry, or not one you may see' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return EnquiryModel.from(await this.queries.get(assertUuid(id), principal), principal);
  }

  @Post('enquiries/:id/messages')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({ summary: "Add a message to an enquiry's thread" })
  @ApiCreatedResponse({ type: EnquiryModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'No such enquiry, or not one you may see' })
  async addMessage(
    @Param('id') id: string,
    @Body() body: EnquiryMessageBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.addMessage(assertUuid(id), messageCommand(body), principal, correlationId),
      principal,
    );
  }

  @Get('enquiries/:id/messages')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({ summary: "An enquiry's thread, oldest first" })
  @ApiOkResponse({ type: [EnquiryMessageModel] })
  @ApiNotFoundResponse({ description: 'No such enquiry, or not one you may see' })
  async messages(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.messages(assertUuid(id), principal)).map(EnquiryMessageModel.from);
  }

  @Post('enquiries/:id/status')
  @HttpCode(200)
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Put an enquiry to waiting for the customer (its clocks pause), resolved or closed' })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiBadRequestResponse({ description: 'Invalid input, or a status set by another action (problem+json)' })
  @ApiNotFoundResponse({ description: 'No such enquiry' })
  @ApiConflictResponse({ description: 'The enquiry cannot move to that status from where it is' })
  async changeStatus(
    @Param('id') id: string,
    @Body() body: EnquiryStatusBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.changeStatus(assertUuid(id), body.status, principal, body.reason ?? undefined, correlationId),
      principal,
    );
  }

  @Post('enquiries/:id/complaint')
  @HttpCode(200)
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Turn an enquiry into a complaint (complaints opens it) and close the enquiry' })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'No such enquiry' })
  @ApiConflictResponse({ description: 'The enquiry has already been turned into a complaint' })
  async convertToComplaint(
    @Param('id') id: string,
    @Body() body: ComplaintConversionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.convertToComplaint(assertUuid(id), body.reason, principal, correlationId),
      principal,
    );
  }

  @Post('enquiries/:id/assisted-digital-needs')
  @HttpCode(200)
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Tell the linked case that the user needs assisted-digital help' })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'No such enquiry' })
  @ApiConflictResponse({ description: 'The enquiry is not linked to a case, or is closed' })
  async identifyAssistedDigitalNeed(
    @Param('id') id: string,
    @Body() body: AssistedDigitalNeedsBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.identifyAssistedDigitalNeed(assertUuid(id), body.needs, principal, correlationId),
      principal,
    );
  }
}

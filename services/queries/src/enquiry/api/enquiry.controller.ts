import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
  EnquiryMessageBody,
  ListEnquiriesQuery,
  messageCommand,
  RaiseEnquiryInput,
  raiseCommand,
} from './enquiry.inputs';
import { ENQUIRY_READERS } from '../../roles';

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
  async raise(
    @Body() body: RaiseEnquiryInput,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @CorrelationId() correlationId?: string,
  ) {
    const raised = EnquiryModel.from(await this.commands.raise(raiseCommand(body), principal, correlationId));
    res.location(`/api/v1/queries/enquiries/${raised.id}`);
    return raised;
  }

  @Get('enquiries')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({ summary: 'The enquiries you may see, newest first' })
  @ApiOkResponse({ type: EnquiryPageModel })
  async list(@Query() query: ListEnquiriesQuery, @CurrentPrincipal() principal: Principal): Promise<EnquiryPageModel> {
    const page = await this.queries.list(principal, pageSize(query.limit, 'limit'), query.cursor, query.status);
    return { items: page.items.map(EnquiryModel.from), nextCursor: page.nextCursor };
  }

  @Get('enquiries/:id')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({ summary: 'An enquiry with its SLA state' })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiNotFoundResponse({ description: 'No such enquiry, or not one you may see' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return EnquiryModel.from(await this.queries.get(assertUuid(id), principal));
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
}

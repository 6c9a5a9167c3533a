import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, PageParams, pageSize } from '@ccsc/platform';
import { ComplaintCommands } from '../application/complaint.commands';
import { ComplaintQueries } from '../application/complaint.queries';
import { COMPLAINANTS, COMPLAINT_READERS, COMPLAINT_STAFF } from '../../roles';
import { ComplaintModel, ComplaintPageModel, ComplaintTimelineEntryModel } from './complaint.model';
import { AGREE_REMEDY_EXAMPLES, DRAFT_RESPONSE_EXAMPLES, OPEN_COMPLAINT_EXAMPLES } from './complaint.examples';
import {
  AgreeRemedyBody,
  BreachDecisionBody,
  CloseComplaintBody,
  defined,
  DraftResponseBody,
  FlagBreachBody,
  OmbudsmanAnswerBody,
  OmbudsmanEnquiryBody,
  OmbudsmanOutcomeBody,
  OmbudsmanReferralBody,
  OpenComplaintBody,
  openCommand,
  optionalInstant,
  SendResponseBody,
  StartInvestigationBody,
} from './complaint.inputs';

/**
 * The public complaint form (citizens and firms file and follow their own complaints) and the
 * partner and staff API for handling them. Every action answers with the whole complaint.
 */
@ApiTags('complaints')
@Controller('api/v1/complaints')
export class ComplaintController {
  constructor(
    private readonly commands: ComplaintCommands,
    private readonly queries: ComplaintQueries,
  ) {}

  @Post()
  @Roles(...COMPLAINT_STAFF, ...COMPLAINANTS)
  @ApiOperation({ summary: 'Record a complaint (staff) or file one through the public form' })
  @ApiBody({ type: OpenComplaintBody, examples: OPEN_COMPLAINT_EXAMPLES })
  @ApiCreatedResponse({ type: ComplaintModel, description: 'The complaint opened; its URL is in `Location`.' })
  @ApiBadRequestResponse({
    description:
      'Invalid input (problem+json with field errors), or through the public form a field only staff set (complainantType, origin, investigatingOfficer, receivedAt, or a severity other than minor or security-breach)',
  })
  @ApiNotFoundResponse({ description: 'A case of the complaint does not exist or is not one you may see' })
  async open(
    @Body() body: OpenComplaintBody,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @CorrelationId() correlationId?: string,
  ) {
    const opened = ComplaintModel.from(
      await this.commands.open(openCommand(body), principal, correlationId),
      principal,
    );
    res.location(`/api/v1/complaints/${opened.id}`);
    return opened;
  }

  @Get()
  @Roles(...COMPLAINT_READERS)
  @ApiOperation({ summary: 'The complaints you may see, newest first' })
  @ApiOkResponse({ type: ComplaintPageModel })
  async list(@Query() query: PageParams, @CurrentPrincipal() principal: Principal): Promise<ComplaintPageModel> {
    const page = await this.queries.list(principal, pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map((c) => ComplaintModel.from(c, principal)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles(...COMPLAINT_READERS)
  @ApiOperation({ summary: 'A complaint with its stages, deadlines, remedies and root cause' })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiNotFoundResponse({ description: 'No such complaint, or not one you may see' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return ComplaintModel.from(await this.queries.get(assertUuid(id), principal), principal);
  }

  @Get(':id/timeline')
  @Roles(...COMPLAINT_READERS)
  @ApiOperation({ summary: 'Everything that happened to a complaint, oldest first' })
  @ApiOkResponse({ type: [ComplaintTimelineEntryModel] })
  @ApiNotFoundResponse({ description: 'No such complaint, or not one you may see' })
  async timeline(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.timeline(assertUuid(id), principal)).map((entry) =>
      ComplaintTimelineEntryModel.from(entry, principal),
    );
  }

  @Post(':id/acknowledgement')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: 'Acknowledge the current stage' })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiConflictResponse({ description: 'The stage is not waiting for acknowledgement, or the complaint is closed' })
  async acknowledge(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(await this.commands.acknowledge(assertUuid(id), principal, correlationId), principal);
  }

  @Post(':id/investigation')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: 'Start investigating the current stage' })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiConflictResponse({
    description: 'The stage has not been acknowledged, or is past investigation, or the complaint is closed',
  })
  async investigate(
    @Param('id') id: string,
    @Body() body: StartInvestigationBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.startInvestigation(assertUuid(id), body.investigatingOfficer, principal, correlationId),
      principal,
    );
  }

  @Post(':id/response-draft')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: 'Draft the response of the current stage from a template, or write it' })
  @ApiBody({ type: DraftResponseBody, examples: DRAFT_RESPONSE_EXAMPLES })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiBadRequestResponse({
    description: 'Unknown template, a template of another stage, or both or neither of templateId and text',
  })
  @ApiConflictResponse({
    description: 'The stage is neither under investigation nor drafted, or the complaint is closed',
  })
  async draft(
    @Param('id') id: string,
    @Body() body: DraftResponseBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.draftResponse(assertUuid(id), defined(body), principal, correlationId),
      principal,
    );
  }

  @Post(':id/response')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: 'Send the reviewed response with the stage outcome' })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiForbiddenResponse({
    description: 'A Tier 1+ response is reviewed and sent by a senior leader (team leader), or your role may not',
  })
  @ApiConflictResponse({ description: 'There is no draft to send, or the complaint is closed' })
  async respond(
    @Param('id') id: string,
    @Body() body: SendResponseBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.sendResponse(assertUuid(id), body.outcome, body.text, principal, correlationId),
      principal,
    );
  }

  @Post(':id/escalation')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({
    summary: 'Escalate an answered complaint to stage 2 (senior review) or 3 (customer investigations appeal)',
  })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiConflictResponse({ description: 'The stage is not answered yet, or it is stage 3, or the complaint is closed' })
  async escalate(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(await this.commands.escalate(assertUuid(id), principal, correlationId), principal);
  }

  @Post(':id/remedies')
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: 'Agree a remedy; a refund, consolatory payment or fee waiver is handed to payments' })
  @ApiBody({ type: AgreeRemedyBody, examples: AGREE_REMEDY_EXAMPLES })
  @ApiCreatedResponse({ type: ComplaintModel, description: 'The complaint with the remedy added to its remedies.' })
  @ApiBadRequestResponse({ description: 'Details the kind of remedy needs or cannot carry' })
  @ApiConflictResponse({ description: 'No stage outcome upholds the complaint, or the complaint is closed' })
  async remedy(
    @Param('id') id: string,
    @Body() body: AgreeRemedyBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.agreeRemedy(assertUuid(id), body, principal, correlationId),
      principal,
    );
  }

  @Post(':id/data-breach')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({
    summary: 'Flag a personal-data breach: 72-hour regulator clock, information assurance notified once',
  })
  @ApiOkResponse({ type: ComplaintModel })
  async flagBreach(
    @Param('id') id: string,
    @Body() body: FlagBreachBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.flagBreach(assertUuid(id), optionalInstant(body.awareAt), principal, correlationId),
      principal,
    );
  }

  @Post(':id/data-breach/decision')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: 'Record whether the breach is reportable to the regulator' })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiConflictResponse({ description: 'Not a breach, or already decided' })
  async decideBreach(
    @Param('id') id: string,
    @Body() body: BreachDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.decideBreach(assertUuid(id), body.reportable, body.reason, principal, correlationId),
      principal,
    );
  }

  @Post(':id/closure')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: 'Close an answered complaint with its root cause (fed back to the business area)' })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiConflictResponse({ description: 'The current stage is not answered, or the complaint is closed' })
  async close(
    @Param('id') id: string,
    @Body() body: CloseComplaintBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.close(assertUuid(id), body.businessArea, body.causeCategory, principal, correlationId),
      principal,
    );
  }

  @Post(':id/ombudsman-referral')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: 'Record the Ombudsman taking the complaint on after stage 3' })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiConflictResponse({ description: 'The complaint is not answered at stage 3, or was already referred' })
  async refer(
    @Param('id') id: string,
    @Body() body: OmbudsmanReferralBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.referToOmbudsman(assertUuid(id), body.ombudsmanReference, principal, correlationId),
      principal,
    );
  }

  @Post(':id/ombudsman-referral/enquiries')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: "Record one of the Ombudsman's enquiries" })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiConflictResponse({ description: 'Not referred to the Ombudsman, or its outcome is already recorded' })
  async ombudsmanEnquiry(
    @Param('id') id: string,
    @Body() body: OmbudsmanEnquiryBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.recordOmbudsmanEnquiry(assertUuid(id), body.text, principal, correlationId),
      principal,
    );
  }

  @Post(':id/ombudsman-referral/answers')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: "Record the answer to every one of the Ombudsman's enquiries still waiting for one" })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiConflictResponse({
    description:
      'Not referred to the Ombudsman, its outcome is already recorded, or no enquiry is waiting for an answer',
  })
  async ombudsmanAnswer(
    @Param('id') id: string,
    @Body() body: OmbudsmanAnswerBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.answerOmbudsmanEnquiries(assertUuid(id), body.text, principal, correlationId),
      principal,
    );
  }

  @Post(':id/ombudsman-referral/outcome')
  @HttpCode(200)
  @Roles(...COMPLAINT_STAFF)
  @ApiOperation({ summary: "Record the Ombudsman's outcome" })
  @ApiOkResponse({ type: ComplaintModel })
  @ApiConflictResponse({ description: 'Not referred to the Ombudsman, or its outcome is already recorded' })
  async ombudsmanOutcome(
    @Param('id') id: string,
    @Body() body: OmbudsmanOutcomeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.recordOmbudsmanOutcome(assertUuid(id), body.outcome, principal, correlationId),
      principal,
    );
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, pageSize } from '@ccsc/platform';
import { AllocationCommands } from '../application/allocation.commands';
import { EnquiryQueries } from '../../enquiry/application/enquiry.queries';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { EscalationBody } from '../../enquiry/api/enquiry.inputs';
import { OFFICERS } from '../../roles';
import { OfficerWorkloadModel, WorkQueueModel } from './allocation.model';
import { AssignmentBody, checkedQueue, UnassignmentBody, WorkQueueQuery } from './allocation.inputs';

/**
 * Work allocation over REST, for partners' and the service centre's own tools: the same commands,
 * roles and refusals as the GraphQL operations. Errors are RFC 9457 problem+json.
 */
@ApiTags('queries')
@Controller('api/v1/queries')
export class AllocationController {
  constructor(
    private readonly commands: AllocationCommands,
    private readonly queries: EnquiryQueries,
  ) {}

  @Get('queues')
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'The work queues and how much waits in each' })
  @ApiOkResponse({ type: [WorkQueueModel] })
  queues() {
    return this.queries.queues();
  }

  @Get('queues/:queueId/enquiries')
  @Roles(...OFFICERS)
  @ApiOperation({
    summary: 'Unassigned work of a queue in next-task order: major priority, priority date, minor priority',
  })
  @ApiOkResponse({ type: [EnquiryModel] })
  @ApiBadRequestResponse({ description: 'Not a queue code, or an invalid limit (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'No such queue' })
  async queue(
    @Param('queueId') queueId: string,
    @Query() query: WorkQueueQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return (await this.queries.queue(checkedQueue(queueId), pageSize(query.limit, 'limit'), principal)).map((x) =>
      EnquiryModel.from(x, principal),
    );
  }

  @Get('workload')
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Open enquiries per officer' })
  @ApiOkResponse({ type: [OfficerWorkloadModel] })
  workload() {
    return this.queries.workload();
  }

  @Post('queues/:queueId/next')
  @HttpCode(200)
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Take the next task of a queue' })
  @ApiOkResponse({ type: EnquiryModel, description: 'The enquiry, now assigned to you' })
  @ApiNoContentResponse({ description: 'Nothing waits in the queue that you may take' })
  @ApiBadRequestResponse({ description: 'Not a queue code (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'No such queue' })
  async next(
    @Param('queueId') queueId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @CorrelationId() correlationId?: string,
  ) {
    const taken = await this.commands.next(checkedQueue(queueId), principal, correlationId);
    if (!taken) {
      res.status(204);
      return undefined;
    }
    return EnquiryModel.from(taken, principal);
  }

  @Post('enquiries/:id/claim')
  @HttpCode(200)
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Take an enquiry waiting in a queue' })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiForbiddenResponse({ description: 'It is escalated to a team leader, and you are not one' })
  @ApiNotFoundResponse({ description: 'No such enquiry' })
  @ApiConflictResponse({ description: 'Someone already has it, or it is not waiting to be assigned' })
  async claim(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(await this.commands.claim(assertUuid(id), principal, correlationId), principal);
  }

  @Post('enquiries/:id/assignment')
  @HttpCode(200)
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'A team leader assigns an enquiry to an officer, or reassigns it' })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  @ApiForbiddenResponse({ description: 'Only a team leader assigns work' })
  @ApiNotFoundResponse({ description: 'No such enquiry' })
  @ApiConflictResponse({ description: 'It is already with that officer, or it is not open' })
  async assign(
    @Param('id') id: string,
    @Body() body: AssignmentBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.assign(assertUuid(id), body.officer, principal, body.reason ?? undefined, correlationId),
      principal,
    );
  }

  @Post('enquiries/:id/unassignment')
  @HttpCode(200)
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Put an enquiry back in its queue (its officer, or a team leader)' })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  @ApiForbiddenResponse({ description: "Only a team leader unassigns someone else's work" })
  @ApiNotFoundResponse({ description: 'No such enquiry' })
  @ApiConflictResponse({ description: 'The enquiry is not assigned' })
  async unassign(
    @Param('id') id: string,
    @Body() body: UnassignmentBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.unassign(assertUuid(id), principal, body.reason ?? undefined, correlationId),
      principal,
    );
  }

  @Post('enquiries/:id/escalation')
  @HttpCode(200)
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Escalate to a team leader or to the judicial / case-directions team, with a reason' })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiBadRequestResponse({ description: 'Invalid input, or a blank reason (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'No such enquiry' })
  @ApiConflictResponse({ description: 'It is not open, or (to the judicial team) not about a case' })
  async escalate(
    @Param('id') id: string,
    @Body() body: EscalationBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.escalate(assertUuid(id), body.to, body.reason, principal, correlationId),
      principal,
    );
  }
}

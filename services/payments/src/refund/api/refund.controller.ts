import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { approvalLimitsText, CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, PageParams, pageSize } from '@ccsc/platform';
import { PAYMENT_OFFICERS, REFUND_APPROVERS, REFUND_REQUESTERS } from '../../roles';
import { RefundCommands } from '../application/refund.commands';
import { RefundQueries } from '../application/refund.queries';
import { RefundDecisionBody, RequestRefundBody, ResubmitRefundBody } from './refund.inputs';
import { RefundModel, RefundPageModel } from './refund.model';

@ApiTags('refunds')
@Controller('api/v1/payments/refunds')
export class RefundController {
  constructor(
    private readonly commands: RefundCommands,
    private readonly queries: RefundQueries,
  ) {}

  @Post()
  @Roles(...REFUND_REQUESTERS)
  @ApiOperation({ summary: 'Ask for a refund; never more than was paid less what is owed' })
  @ApiCreatedResponse({ type: RefundModel })
  @ApiConflictResponse({ description: 'More than is refundable on the case, or more than anyone may approve' })
  async request(
    @Body() body: RequestRefundBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return RefundModel.from(await this.commands.request(body, principal, correlationId));
  }

  @Get('awaiting-approval')
  @Roles(...REFUND_APPROVERS)
  @ApiOperation({ summary: 'Refunds and remedy payments waiting for an approver, oldest first' })
  @ApiOkResponse({ type: RefundPageModel })
  async awaiting(@Query() query: PageParams, @CurrentPrincipal() principal: Principal): Promise<RefundPageModel> {
    const page = await this.queries.awaitingApproval(principal, pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(RefundModel.from), nextCursor: page.nextCursor };
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...REFUND_APPROVERS)
  @ApiOperation({ summary: 'Approve, reject or return a refund for update (never your own; within your limit)' })
  @ApiOkResponse({ type: RefundModel })
  @ApiForbiddenResponse({
    description: `Your role may not decide refunds, or approving would put more than your limit approved on the case, the complaint or the fine account it concerns (with the accounts consolidated into it), counting everything approved there already (money given back and fees waived together): ${approvalLimitsText(REFUND_APPROVERS)}`,
  })
  @ApiConflictResponse({
    description: 'Not awaiting approval, you asked for it, or (approving) more than is refundable now',
  })
  async decide(
    @Param('id') id: string,
    @Body() body: RefundDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const decided = await this.commands.decide(assertUuid(id), body.decision, principal, body.note, correlationId);
    return RefundModel.from(decided);
  }

  @Post(':id/resubmission')
  @HttpCode(200)
  @Roles(...REFUND_REQUESTERS)
  @ApiOperation({ summary: 'Update a returned refund and send it back for approval' })
  @ApiOkResponse({ type: RefundModel })
  @ApiConflictResponse({
    description:
      'Not returned for update, someone else asked for it, more than is refundable now, or more than anyone may approve',
  })
  async resubmit(
    @Param('id') id: string,
    @Body() body: ResubmitRefundBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return RefundModel.from(await this.commands.resubmit(assertUuid(id), body.amountPence, principal, correlationId));
  }

  @Post(':id/payment')
  @HttpCode(200)
  @Roles(...PAYMENT_OFFICERS)
  @ApiOperation({ summary: 'Record that an approved refund has been paid out' })
  @ApiOkResponse({ type: RefundModel })
  @ApiConflictResponse({
    description:
      'Not an approved refund, or the money it gives back was taken back since the approval (a payment bounced or was charged back)',
  })
  async markPaid(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return RefundModel.from(await this.commands.markPaid(assertUuid(id), principal, correlationId));
  }
}

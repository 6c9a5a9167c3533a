import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { approvalLimitsText, CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, PageParams, pageSize } from '@ccsc/platform';
import { REMISSION_APPROVERS } from '../../roles';
import { FeeWaiverCommands } from '../application/fee-waiver.commands';
import { FeeWaiverQueries } from '../application/fee-waiver.queries';
import { FeeWaiverDecisionBody } from './fee-waiver.inputs';
import { FeeWaiverModel, FeeWaiverPageModel } from './fee-waiver.model';

@ApiTags('fee-waivers')
@Controller('api/v1/payments/fee-waivers')
export class FeeWaiverController {
  constructor(
    private readonly commands: FeeWaiverCommands,
    private readonly queries: FeeWaiverQueries,
  ) {}

  @Get('awaiting-approval')
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({ summary: "Complaint remedies' fee waivers waiting for an approver, oldest first" })
  @ApiOkResponse({ type: FeeWaiverPageModel })
  async awaiting(@Query() query: PageParams): Promise<FeeWaiverPageModel> {
    const page = await this.queries.awaitingApproval(pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(FeeWaiverModel.from), nextCursor: page.nextCursor };
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({ summary: 'Approve (the fee is remitted) or reject a fee waiver; never one whose remedy you agreed' })
  @ApiOkResponse({ type: FeeWaiverModel })
  @ApiConflictResponse({ description: 'Already decided, you agreed the remedy, or nothing is left of the fee' })
  @ApiForbiddenResponse({
    description: `Your role may not decide fee waivers, or approving would put more than your limit approved on the case or the complaint, counting everything approved there already (money given back and fees waived together): ${approvalLimitsText(REMISSION_APPROVERS)}`,
  })
  async decide(
    @Param('id') id: string,
    @Body() body: FeeWaiverDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return FeeWaiverModel.from(await this.commands.decide(assertUuid(id), body.approve, principal, correlationId));
  }
}

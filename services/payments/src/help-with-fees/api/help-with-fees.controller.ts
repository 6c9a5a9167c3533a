import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, PageParams, pageSize } from '@ccsc/platform';
import { REMISSION_APPLICANTS, REMISSION_APPROVERS } from '../../roles';
import { HelpWithFeesCommands } from '../application/help-with-fees.commands';
import { HelpWithFeesQueries } from '../application/help-with-fees.queries';
import { assessRemission } from '../domain/remission';
import {
  EvidenceCheckBody,
  HelpWithFeesApplicationBody,
  RemissionCheckBody,
  RemissionDecisionBody,
} from './help-with-fees.inputs';
import {
  HelpWithFeesApplicationModel,
  HelpWithFeesApplicationPageModel,
  RemissionDecisionModel,
} from './help-with-fees.model';

@ApiTags('help-with-fees')
@Controller('api/v1/payments/help-with-fees')
export class HelpWithFeesController {
  constructor(
    private readonly commands: HelpWithFeesCommands,
    private readonly queries: HelpWithFeesQueries,
  ) {}

  @Post('applications')
  @Roles(...REMISSION_APPLICANTS)
  @ApiOperation({
    summary:
      'Apply for Help with Fees on a fee of a case; assessed at once, remitted only once staff other than you decide it',
  })
  @ApiCreatedResponse({ type: HelpWithFeesApplicationModel })
  @ApiNotFoundResponse({ description: 'No such case or unremitted fee, or not a case you may see' })
  @ApiConflictResponse({ description: 'The fee already has an application' })
  async apply(@Body() body: HelpWithFeesApplicationBody, @CurrentPrincipal() principal: Principal) {
    return HelpWithFeesApplicationModel.from(await this.commands.apply(body, principal));
  }

  @Get('applications/awaiting-staff')
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({ summary: 'Applications waiting for a decision or an evidence check, oldest first' })
  @ApiOkResponse({ type: HelpWithFeesApplicationPageModel })
  async awaiting(
    @Query() query: PageParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HelpWithFeesApplicationPageModel> {
    const page = await this.queries.awaitingStaff(principal, pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(HelpWithFeesApplicationModel.from), nextCursor: page.nextCursor };
  }

  @Post('applications/:id/decision')
  @HttpCode(200)
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({ summary: 'Grant or refuse the remission of an application awaiting a decision (never your own)' })
  @ApiOkResponse({ type: HelpWithFeesApplicationModel })
  @ApiConflictResponse({ description: 'Not awaiting a decision, or you applied' })
  async decide(
    @Param('id') id: string,
    @Body() body: RemissionDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const decided = await this.commands.decide(assertUuid(id), body.grant, principal, correlationId);
    return HelpWithFeesApplicationModel.from(decided);
  }

  @Post('applications/:id/evidence-check')
  @HttpCode(200)
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({
    summary:
      'Record the evidence check of an application awaiting one (never your own): passed, the remission is applied',
  })
  @ApiOkResponse({ type: HelpWithFeesApplicationModel })
  @ApiConflictResponse({ description: 'Not awaiting evidence, or you applied' })
  async evidenceCheck(
    @Param('id') id: string,
    @Body() body: EvidenceCheckBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const checked = await this.commands.completeEvidenceCheck(assertUuid(id), body.passed, principal, correlationId);
    return HelpWithFeesApplicationModel.from(checked);
  }

  @Post('assessments')
  @HttpCode(200)
  @Roles(...REMISSION_APPLICANTS)
  @ApiOperation({ summary: 'Work out full, part or no remission of a fee; stores nothing' })
  @ApiOkResponse({ type: RemissionDecisionModel })
  assess(@Body() body: RemissionCheckBody) {
    const { feePence, ...applicant } = body;
    return RemissionDecisionModel.from(assessRemission(feePence, applicant));
  }
}

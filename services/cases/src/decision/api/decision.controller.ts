import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { CASE_READERS, DECISION_CHECKERS, DECISION_MAKERS } from '../../roles';
import { DecisionCommands } from '../application/decision.commands';
import { DecisionQueries } from '../application/decision.queries';
import { CheckDecisionBody, RecordDecisionBody } from './decision.inputs';
import { DecisionModel } from './decision.model';
import { KEY_REUSED } from '../../api-descriptions';

@ApiTags('cases')
@Controller('api/v1/cases/:id/decisions')
export class DecisionController {
  constructor(
    private readonly commands: DecisionCommands,
    private readonly queries: DecisionQueries,
  ) {}

  @Post()
  @Roles(...DECISION_MAKERS)
  @ApiOperation({ summary: 'Record a decision (a correction supersedes an earlier one)' })
  @ApiCreatedResponse({ type: DecisionModel })
  @ApiConflictResponse({
    description: `The case already has a decision and this one does not supersede it, the decision superseded is not the current one, the case is not at a stage that takes a decision, or ${KEY_REUSED}`,
  })
  async record(
    @Param('id') id: string,
    @Body() body: RecordDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return DecisionModel.from(await this.commands.record(assertUuid(id), body, principal, correlationId));
  }

  @Post(':decisionId/check')
  @Roles(...DECISION_CHECKERS)
  @ApiOperation({
    summary: 'Check a decision as a second person (never its decision maker): approve it, or return it with comments',
  })
  @ApiCreatedResponse({ type: DecisionModel })
  @ApiConflictResponse({
    description: `You made the decision yourself, it has been superseded or already checked, the case is not waiting for the check, or ${KEY_REUSED}`,
  })
  async check(
    @Param('id') id: string,
    @Param('decisionId') decisionId: string,
    @Body() body: CheckDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return DecisionModel.from(
      await this.commands.check(assertUuid(id), assertUuid(decisionId, 'decisionId'), body, principal, correlationId),
    );
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Decisions on a case, superseded ones included' })
  @ApiOkResponse({ type: [DecisionModel] })
  async list(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.list(assertUuid(id), principal)).map(DecisionModel.from);
  }
}

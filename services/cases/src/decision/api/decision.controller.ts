import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { CASE_READERS, DECISION_MAKERS } from '../../roles';
import { DecisionCommands } from '../application/decision.commands';
import { DecisionQueries } from '../application/decision.queries';
import { RecordDecisionBody } from './decision.inputs';
import { DecisionModel } from './decision.model';

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
  async record(
    @Param('id') id: string,
    @Body() body: RecordDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return DecisionModel.from(await this.commands.record(assertUuid(id), body, principal, correlationId));
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Decisions on a case, superseded ones included' })
  @ApiOkResponse({ type: [DecisionModel] })
  async list(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.list(assertUuid(id), principal)).map(DecisionModel.from);
  }
}

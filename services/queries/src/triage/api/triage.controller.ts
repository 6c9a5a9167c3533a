import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { OFFICERS, TEAM_LEADERS } from '../../roles';
import { TriageCommands } from '../application/triage.commands';
import { TriageQueries } from '../application/triage.queries';
import { TriageRuleModel } from './triage.model';
import { ruleInput, TriageBody, triageOverride, TriageRuleBody } from './triage.inputs';

/**
 * Triage over REST: the rules team leaders keep, and officers' triage decisions on enquiries. The
 * same commands, roles and refusals as the GraphQL operations; errors are RFC 9457 problem+json.
 */
@ApiTags('queries')
@Controller('api/v1/queries')
export class TriageController {
  constructor(
    private readonly commands: TriageCommands,
    private readonly queries: TriageQueries,
  ) {}

  @Get('triage/rules')
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Every triage rule, in the order they are tried' })
  @ApiOkResponse({ type: [TriageRuleModel] })
  rules() {
    return this.queries.rules();
  }

  @Post('triage/rules')
  @Roles(...TEAM_LEADERS)
  @ApiOperation({ summary: 'Add a triage rule' })
  @ApiCreatedResponse({ type: TriageRuleModel })
  @ApiBadRequestResponse({
    description: 'Invalid input, an unknown queue or article, or no category and no keyword (problem+json)',
  })
  addRule(@Body() body: TriageRuleBody, @CurrentPrincipal() principal: Principal) {
    return this.commands.saveRule(ruleInput(body), principal);
  }

  @Put('triage/rules/:id')
  @Roles(...TEAM_LEADERS)
  @ApiOperation({ summary: 'Change a triage rule, or switch it off' })
  @ApiOkResponse({ type: TriageRuleModel })
  @ApiBadRequestResponse({
    description: 'Invalid input, an unknown queue or article, or no category and no keyword (problem+json)',
  })
  @ApiNotFoundResponse({ description: 'No such triage rule' })
  changeRule(@Param('id') id: string, @Body() body: TriageRuleBody, @CurrentPrincipal() principal: Principal) {
    return this.commands.saveRule(ruleInput(body, assertUuid(id)), principal);
  }

  @Post('enquiries/:id/triage')
  @HttpCode(200)
  @Roles(...OFFICERS)
  @ApiOperation({ summary: "Confirm or override the rules' triage of an enquiry; an override needs a reason" })
  @ApiOkResponse({ type: EnquiryModel })
  @ApiBadRequestResponse({
    description: 'Invalid input, an unknown queue or article, or an override without a reason (problem+json)',
  })
  @ApiNotFoundResponse({ description: 'No such enquiry' })
  @ApiConflictResponse({ description: 'The enquiry is not waiting in a queue' })
  async triage(
    @Param('id') id: string,
    @Body() body: TriageBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.decide(assertUuid(id), triageOverride(body), principal, correlationId),
      principal,
    );
  }
}

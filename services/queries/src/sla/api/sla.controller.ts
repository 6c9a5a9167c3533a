import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { OFFICERS, TEAM_LEADERS } from '../../roles';
import { SlaBreachRun, SlaCommands } from '../application/sla.commands';
import { SlaQueries } from '../application/sla.queries';
import type { SlaPolicy } from '../domain/sla-policy';
import { SaveSlaPolicyInput, slaPolicyOf } from './sla.inputs';
import { SlaPolicyModel, SlaRunResultModel } from './sla.model';

@ApiTags('queries')
@Controller('api/v1/queries/sla')
export class SlaController {
  constructor(
    private readonly run: SlaBreachRun,
    private readonly commands: SlaCommands,
    private readonly queries: SlaQueries,
  ) {}

  @Post('runs')
  @HttpCode(200)
  @Roles(...TEAM_LEADERS)
  @ApiOperation({ summary: 'Run the SLA check now: flags at-risk and breached enquiries and publishes the breaches' })
  @ApiOkResponse({ type: SlaRunResultModel })
  runNow() {
    return this.run.run();
  }

  @Get('policies')
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'The SLA policy table: a target per clock for a channel and/or category (null: any)' })
  @ApiOkResponse({ type: [SlaPolicyModel] })
  policies() {
    return this.queries.policies();
  }

  /**
   * A policy is named by its channel, category and clock, which the body carries (either may be null
   * for "any", which a path cannot say); saving the same body twice leaves the same table, hence PUT.
   */
  @Put('policies')
  @Roles(...TEAM_LEADERS)
  @ApiOperation({
    summary: 'Set the SLA target for a channel, category and clock, replacing any; clocks already running keep theirs',
  })
  @ApiOkResponse({ type: SlaPolicyModel })
  @ApiBadRequestResponse({ description: 'Invalid input, or a target no clock can run (problem+json)' })
  savePolicy(@Body() body: SaveSlaPolicyInput): Promise<SlaPolicy> {
    return this.commands.savePolicy(slaPolicyOf(body));
  }
}

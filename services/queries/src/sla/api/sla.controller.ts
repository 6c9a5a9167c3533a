import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { TEAM_LEADERS } from '../../roles';
import { SlaBreachRun } from '../application/sla.commands';
import { SlaRunResultModel } from './sla.model';

@ApiTags('queries')
@Controller('api/v1/queries/sla')
export class SlaController {
  constructor(private readonly run: SlaBreachRun) {}

  @Post('runs')
  @HttpCode(200)
  @Roles(...TEAM_LEADERS)
  @ApiOperation({ summary: 'Run the SLA check now: flags at-risk and breached enquiries and publishes the breaches' })
  @ApiOkResponse({ type: SlaRunResultModel })
  runNow() {
    return this.run.run();
  }
}

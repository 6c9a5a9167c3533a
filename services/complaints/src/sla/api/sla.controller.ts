import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { SLA_RUNNERS } from '../../roles';
import { ComplaintSlaRun } from '../application/sla.commands';
import { ComplaintSlaRunModel } from './sla.model';

@ApiTags('complaints')
@Controller('api/v1/complaints/sla')
export class ComplaintSlaController {
  constructor(private readonly sla: ComplaintSlaRun) {}

  @Post('runs')
  @HttpCode(200)
  @Roles(...SLA_RUNNERS)
  @ApiOperation({ summary: 'Refresh the at-risk and breached flags of every unanswered stage now' })
  @ApiOkResponse({ type: ComplaintSlaRunModel })
  run() {
    return this.sla.run();
  }
}

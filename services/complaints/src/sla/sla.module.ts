import { Module } from '@nestjs/common';
import { scheduledRun } from '@ccsc/platform';
import type { ComplaintsConfig } from '../config';
import { ComplaintSlaController } from './api/sla.controller';
import { ComplaintSlaResolver } from './api/sla.resolver';
import { ComplaintSlaRun } from './application/sla.commands';
import { ComplaintStageRepository } from './infrastructure/complaint-stage.repository';

/** The at-risk and breached flags of complaint stages: on a timer, and by hand for staff and jobs. */
@Module({
  controllers: [ComplaintSlaController],
  providers: [
    ComplaintSlaResolver,
    ComplaintSlaRun,
    ComplaintStageRepository,
    scheduledRun('Complaint SLA run', ComplaintSlaRun, (config: ComplaintsConfig) => config.SLA_RUN_INTERVAL_MS),
  ],
})
export class SlaModule {}

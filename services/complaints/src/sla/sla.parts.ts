import type { Provider, Type } from '@nestjs/common';
import { ComplaintSlaController, ComplaintSlaResolver } from './api/complaint-sla.api';
import { ComplaintSlaRun } from './application/complaint-sla.run';
import { scheduledRun } from '@ccsc/platform';
import type { ComplaintsConfig } from '../config';

export const slaResolvers: Provider[] = [ComplaintSlaResolver];
export const slaProviders: Provider[] = [ComplaintSlaRun, scheduledRun('Complaint SLA run', ComplaintSlaRun, (config: ComplaintsConfig) => config.SLA_RUN_INTERVAL_MS)];
export const slaControllers: Type<unknown>[] = [ComplaintSlaController];

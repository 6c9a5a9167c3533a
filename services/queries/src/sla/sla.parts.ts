import type { Provider, Type } from '@nestjs/common';
import { OpeningHours, WorkingDayCalendar } from '@ccsc/calendar';
import { scheduledRun } from '@ccsc/platform';
import type { QueriesConfig } from '../config';
import { SlaController, SlaResolver } from './api/sla.api';
import { SlaBreachRun } from './application/sla-breach-run';
import { SlaClocks } from './domain/sla-clock';
import { SlaClockRepository } from './infrastructure/sla-clock.repository';

// SLA clocks (their tables are created with the enquiries'), the breach run and its timer.

export const slaResolvers: Provider[] = [SlaResolver];
export const slaProviders: Provider[] = [
  // One calendar for the process: it caches each year's bank holidays.
  { provide: SlaClocks, useValue: new SlaClocks(new OpeningHours(WorkingDayCalendar.englandAndWales())) },
  SlaClockRepository,
  SlaBreachRun,
  scheduledRun('SLA breach run', SlaBreachRun, (config: QueriesConfig) => config.SLA_RUN_INTERVAL_MS),
];
export const slaControllers: Type<unknown>[] = [SlaController];

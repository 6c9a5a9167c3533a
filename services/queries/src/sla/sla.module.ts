import { Module } from '@nestjs/common';
import { OpeningHours, WorkingDayCalendar } from '@ccsc/calendar';
import { scheduledRun } from '@ccsc/platform';
import type { QueriesConfig } from '../config';
import { SlaController } from './api/sla.controller';
import { SlaResolver } from './api/sla.resolver';
import { SlaBreachRun, SlaCommands } from './application/sla.commands';
import { SlaQueries } from './application/sla.queries';
import { SlaClocks } from './domain/sla-clock';
import { SlaClockRepository } from './infrastructure/sla-clock.repository';

/** SLA clocks (their tables are created with the enquiries'), the policy table, the breach run and its timer. */
@Module({
  controllers: [SlaController],
  providers: [
    SlaResolver,
    // One calendar for the process: it caches each year's bank holidays.
    { provide: SlaClocks, useValue: new SlaClocks(new OpeningHours(WorkingDayCalendar.englandAndWales())) },
    SlaClockRepository,
    SlaBreachRun,
    SlaCommands,
    SlaQueries,
    scheduledRun('SLA breach run', SlaBreachRun, (config: QueriesConfig) => config.SLA_RUN_INTERVAL_MS),
  ],
  exports: [SlaClocks, SlaClockRepository],
})
export class SlaModule {}

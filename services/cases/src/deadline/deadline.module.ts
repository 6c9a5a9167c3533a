import { Module } from '@nestjs/common';
import { scheduledRun } from '@ccsc/platform';
import { CaseModule } from '../case/case.module';
import type { CasesConfig } from '../config';
import { DeadlineRunController } from './api/deadline-run.controller';
import { DeadlineRunResolver } from './api/deadline-run.resolver';
import { DeadlineRun } from './application/deadline-run';
import { DeadlineRunRepository } from './infrastructure/deadline-run.repository';

/** Case-type deadlines that trigger events: the run, its API, and its timer. */
@Module({
  imports: [CaseModule],
  controllers: [DeadlineRunController],
  providers: [
    DeadlineRunResolver,
    DeadlineRun,
    DeadlineRunRepository,
    scheduledRun('case deadline run', DeadlineRun, (config: CasesConfig) => config.DEADLINE_RUN_INTERVAL_MS),
  ],
})
export class DeadlineModule {}

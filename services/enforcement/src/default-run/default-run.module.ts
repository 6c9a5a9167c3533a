import { Module } from '@nestjs/common';
import { scheduledRun } from '@ccsc/platform';
import type { EnforcementConfig } from '../config';
import { DefaultRunController } from './api/default-run.controller';
import { DefaultRunResolver } from './api/default-run.resolver';
import { DefaultRun } from './application/default-run.commands';
import { DefaultRunRepository } from './infrastructure/default-run.repository';

/** The daily default run: accounts in arrears default and move along their enforcement path. */
@Module({
  controllers: [DefaultRunController],
  providers: [
    DefaultRunResolver,
    DefaultRun,
    DefaultRunRepository,
    scheduledRun('Default run', DefaultRun, (settings: EnforcementConfig) => settings.DEFAULT_RUN_INTERVAL_MS),
  ],
})
export class DefaultRunModule {}

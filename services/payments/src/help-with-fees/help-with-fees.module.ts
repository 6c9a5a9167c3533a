import { Module } from '@nestjs/common';
import { CaseAccessModule } from '@ccsc/case-access';
import { SERVICE_CONFIG } from '@ccsc/platform';
import type { PaymentsConfig } from '../config';
import { ServiceRequestModule } from '../service-request/service-request.module';
import { HelpWithFeesController } from './api/help-with-fees.controller';
import { HelpWithFeesResolver } from './api/help-with-fees.resolver';
import { HelpWithFeesCommands, HWF_SETTINGS } from './application/help-with-fees.commands';
import { HelpWithFeesQueries } from './application/help-with-fees.queries';
import { HelpWithFeesRepository } from './infrastructure/help-with-fees.repository';

/** Help with Fees: remissions assessed by the rules, applied once staff other than the applicant decide them. */
@Module({
  imports: [ServiceRequestModule, CaseAccessModule],
  controllers: [HelpWithFeesController],
  providers: [
    HelpWithFeesResolver,
    HelpWithFeesCommands,
    HelpWithFeesQueries,
    HelpWithFeesRepository,
    {
      provide: HWF_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: PaymentsConfig) => ({ evidenceCheckPercent: config.HWF_EVIDENCE_CHECK_PERCENT }),
    },
  ],
})
export class HelpWithFeesModule {}

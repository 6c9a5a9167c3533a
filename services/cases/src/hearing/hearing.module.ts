import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { HearingController } from './api/hearing.controller';
import { CaseHearingsResolver, HearingResolver } from './api/hearing.resolver';
import { HearingCommands } from './application/hearing.commands';
import { HearingQueries } from './application/hearing.queries';
import { HearingStatusFeed } from './application/hearing-status-feed';
import { HearingSubscriptionResolver } from './api/hearing-subscription.resolver';
import { HearingRepository } from './infrastructure/hearing.repository';

/**
 * Hearings of cases and a venue's list. No hearing route has a shape that CaseController's
 * `:idOrReference` matches, so it does not matter which of the two Nest registers first.
 */
@Module({
  imports: [CaseModule],
  controllers: [HearingController],
  providers: [
    HearingResolver,
    CaseHearingsResolver,
    HearingSubscriptionResolver,
    HearingCommands,
    HearingQueries,
    HearingStatusFeed,
    HearingRepository,
  ],
})
export class HearingModule {}

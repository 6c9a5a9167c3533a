import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module';
import { CorrespondenceRequests } from './application/correspondence-requests';
import { CorrespondenceRuleBook } from './application/correspondence-rule-book';
import { CorrespondenceEventsConsumer } from './consumers/correspondence-events.consumer';
import { CorrespondenceFactsRepository } from './infrastructure/correspondence-facts.repository';

/**
 * Notices to a fine account's defendant, decided from enforcement's own events by correspondence-rules.json
 * and asked of cases (enforcement.correspondence-requested.v1), which holds the defendant's details.
 */
@Module({
  imports: [AccountModule],
  providers: [
    CorrespondenceRuleBook,
    CorrespondenceFactsRepository,
    CorrespondenceRequests,
    CorrespondenceEventsConsumer,
  ],
})
export class CorrespondenceModule {}

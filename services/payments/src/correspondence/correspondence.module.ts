import { Module } from '@nestjs/common';
import { CorrespondenceRequests } from './application/correspondence-requests';
import { CorrespondenceRuleBook } from './application/correspondence-rule-book';
import { CorrespondenceEventsConsumer } from './consumers/correspondence-events.consumer';
import { CorrespondenceFactsRepository } from './infrastructure/correspondence-facts.repository';

/**
 * Receipts, approved refunds and Help with Fees decisions, decided from payments' own events by
 * correspondence-rules.json and asked of cases (payments.correspondence-requested.v1), which finds the
 * payer's party by their account or firm and holds their name, address and language.
 */
@Module({
  providers: [
    CorrespondenceRuleBook,
    CorrespondenceFactsRepository,
    CorrespondenceRequests,
    CorrespondenceEventsConsumer,
  ],
})
export class CorrespondenceModule {}

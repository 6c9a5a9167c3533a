import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { StatusReviewController } from './api/status-review.controller';
import { StatusReviewResolver } from './api/status-review.resolver';
import { StatusReviewCommands } from './application/status-review.commands';
import { StatusReviewQueries } from './application/status-review.queries';
import { MindedToNoticeRepository } from './infrastructure/minded-to-notice.repository';
import { ReferralRepository } from './infrastructure/referral.repository';

/** The Status Review Unit's records on a review: referrals, the minded-to notice and representations on it. */
@Module({
  imports: [CaseModule],
  controllers: [StatusReviewController],
  providers: [
    StatusReviewResolver,
    StatusReviewCommands,
    StatusReviewQueries,
    ReferralRepository,
    MindedToNoticeRepository,
  ],
})
export class StatusReviewModule {}

import { Module } from '@nestjs/common';
import { loadTemplates } from '@ccsc/correspondence';
import { scheduledRun } from '@ccsc/platform';
import type { CasesConfig } from '../config';
import { TimelineModule } from '../timeline/timeline.module';
import { CorrespondenceController } from './api/correspondence.controller';
import { CorrespondenceDispatcher } from './application/correspondence-dispatcher';
import { CORRESPONDENCE_TEMPLATES, CorrespondenceRecorder } from './application/correspondence-recorder';
import { CorrespondenceQueries } from './application/correspondence.queries';
import { DeliveryReceipts } from './application/delivery-receipts';
import { CorrespondenceRequestsConsumer } from './consumers/correspondence-requests.consumer';
import { CorrespondenceItemRepository } from './infrastructure/correspondence-item.repository';
import { notificationSenderProvider } from './infrastructure/notification-sender.provider';

/**
 * Correspondence to case parties (issue 23): recorded from other services' requests and cases' own rules,
 * sent by the dispatcher through the notifications port, read by staff and by the party each went to.
 * Personal data stays here: other services ask, cases addresses.
 */
@Module({
  imports: [TimelineModule],
  controllers: [CorrespondenceController],
  providers: [
    // Checked at start: a broken template stops the service before it writes to anyone.
    { provide: CORRESPONDENCE_TEMPLATES, useFactory: () => loadTemplates() },
    notificationSenderProvider,
    CorrespondenceItemRepository,
    CorrespondenceRecorder,
    CorrespondenceRequestsConsumer,
    CorrespondenceQueries,
    DeliveryReceipts,
    CorrespondenceDispatcher,
    scheduledRun(
      'correspondence dispatcher',
      CorrespondenceDispatcher,
      (config: CasesConfig) => config.CORRESPONDENCE_DISPATCH_INTERVAL_MS,
    ),
  ],
})
export class CorrespondenceModule {}

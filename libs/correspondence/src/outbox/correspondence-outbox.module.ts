import { Module } from '@nestjs/common';
import { scheduledRun } from '@ccsc/platform';
import { loadTemplates } from '../templates/load-templates';
import { CorrespondenceDispatcher } from './correspondence-dispatcher';
import { CorrespondenceItemRepository } from './correspondence-item.repository';
import { CORRESPONDENCE_TEMPLATES, CorrespondenceRecorder } from './correspondence-recorder';
import type { CorrespondenceConfig } from './correspondence-settings';
import { DeliveryReceipts } from './delivery-receipts';
import { notificationSenderProvider } from './notification-sender.provider';

/**
 * The machinery of sending, the same in every service that writes to the public: the templates (checked at
 * start), the recorder, the service's correspondence_items (createCorrespondenceItemsTable in one of its
 * migrations), the dispatcher on its interval, the provider (Notify, or the sandbox) and delivery receipts.
 * The service's own correspondence module imports it and keeps what is its own: whom to write to and when
 * (its rules and consumers), and who may read what was sent (its routes' access rule). The service's
 * settings spread correspondenceSettings.
 */
@Module({
  providers: [
    // Checked at start: a broken template stops the service before it writes to anyone.
    { provide: CORRESPONDENCE_TEMPLATES, useFactory: () => loadTemplates() },
    notificationSenderProvider,
    CorrespondenceItemRepository,
    CorrespondenceRecorder,
    CorrespondenceDispatcher,
    DeliveryReceipts,
    scheduledRun(
      'correspondence dispatcher',
      CorrespondenceDispatcher,
      (config: CorrespondenceConfig) => config.CORRESPONDENCE_DISPATCH_INTERVAL_MS,
    ),
  ],
  exports: [
    CORRESPONDENCE_TEMPLATES,
    notificationSenderProvider,
    CorrespondenceItemRepository,
    CorrespondenceRecorder,
    CorrespondenceDispatcher,
    DeliveryReceipts,
  ],
})
export class CorrespondenceOutboxModule {}

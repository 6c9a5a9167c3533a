import type { Provider } from '@nestjs/common';
import { SERVICE_CONFIG } from '@ccsc/platform';
import { notifyConfigFromEnv } from '../notifications/govuk-notify-config';
import { GovUkNotifySender } from '../notifications/govuk-notify-sender';
import type { NotificationSender } from '../notifications/notification-sender.port';
import { SandboxNotificationSender } from '../notifications/sandbox-notification-sender';
import type { CorrespondenceConfig } from './correspondence-settings';

/** The NotificationSender the dispatcher sends through (tests read the sandbox through it). */
export const NOTIFICATION_SENDER = Symbol('NOTIFICATION_SENDER');

/**
 * GOV.UK Notify when NOTIFY_API_KEY is set, else the sandbox, which keeps what it would have sent (npm
 * start and the tests have no Notify account). Production never gets here without the key: the settings
 * refuse to start without it (correspondenceSettings), since the sandbox would report every item
 * delivered and send nothing. Notify's other settings are read with the key, and a bad one stops the
 * service at start rather than at the first letter.
 */
export const notificationSenderProvider: Provider = {
  provide: NOTIFICATION_SENDER,
  inject: [SERVICE_CONFIG],
  useFactory: (config: CorrespondenceConfig): NotificationSender => {
    if (!config.NOTIFY_API_KEY) return new SandboxNotificationSender();
    return new GovUkNotifySender(
      notifyConfigFromEnv({
        NOTIFY_API_KEY: config.NOTIFY_API_KEY,
        NOTIFY_BASE_URL: config.NOTIFY_BASE_URL,
        NOTIFY_EMAIL_TEMPLATE_ID: config.NOTIFY_EMAIL_TEMPLATE_ID,
        NOTIFY_SMS_TEMPLATE_ID: config.NOTIFY_SMS_TEMPLATE_ID,
        NOTIFY_TIMEOUT_MS: String(config.NOTIFY_TIMEOUT_MS),
      }),
    );
  },
};

import type { Provider } from '@nestjs/common';
import {
  GovUkNotifySender,
  notifyConfigFromEnv,
  SandboxNotificationSender,
  type NotificationSender,
} from '@ccsc/correspondence';
import { SERVICE_CONFIG } from '@ccsc/platform';
import type { CasesConfig } from '../../config';

/** The NotificationSender the dispatcher sends through (tests read the sandbox through it). */
export const NOTIFICATION_SENDER = Symbol('NOTIFICATION_SENDER');

/**
 * GOV.UK Notify when NOTIFY_API_KEY is set, else the sandbox, which keeps what it would have sent (npm
 * start and the tests have no Notify account). Notify's other settings are read with the key, and a bad
 * one stops the service at start rather than at the first letter.
 */
export const notificationSenderProvider: Provider = {
  provide: NOTIFICATION_SENDER,
  inject: [SERVICE_CONFIG],
  useFactory: (config: CasesConfig): NotificationSender => {
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

import { env, inProduction, refine, type Config, type Setting } from '@ccsc/platform';
import { parseNotifyApiKey } from '../notifications/notify-api-key';

/**
 * Production must send for real: without Notify the provider would be the sandbox, which reports every
 * item delivered and sends nothing, so a service that forgot a variable would silently tell no one.
 */
const requiredInProduction = <T>(setting: Setting<T | undefined>, without: string) =>
  refine(setting, (value, config) =>
    value === undefined && inProduction(config) ? `is required in production (${without})` : undefined,
  );

/**
 * Settings of the correspondence outbox and its provider, one definition for every service that sends:
 * each spreads them into its own settings (as it does messagingSettings).
 */
export const correspondenceSettings = {
  CORRESPONDENCE_DISPATCH_INTERVAL_MS: env.int(
    'How often the correspondence dispatcher sends the letters, emails and texts that are due; 0 turns the timer off',
    5_000,
    { min: 0, max: 3_600_000 },
  ),
  CORRESPONDENCE_BATCH_SIZE: env.int('How many items one run of the correspondence dispatcher sends at most', 50, {
    min: 1,
    max: 1_000,
  }),
  CORRESPONDENCE_RETRY_FIRST_DELAY_MS: env.int(
    'The wait after a send the provider could not take (down, rate-limited), doubled for each later failure',
    60_000,
    { min: 1, max: 3_600_000 },
  ),
  CORRESPONDENCE_RETRY_MAX_DELAY_MS: env.int('The longest wait between two attempts to send an item', 3_600_000, {
    min: 1,
    max: 86_400_000,
  }),
  CORRESPONDENCE_MAX_ATTEMPTS: env.int('How many attempts to send an item before it is marked failed', 12, {
    min: 1,
    max: 100,
  }),
  CORRESPONDENCE_SENDING_TIMEOUT_MS: refine(
    env.int(
      'How long an item may stay `sending` with nothing recorded (its dispatcher died) before another run looks it up at the provider by reference, and sends it only if the provider has nothing',
      300_000,
      { min: 1_000, max: 86_400_000 },
    ),
    // Shorter than a request may take, and a live attempt would be looked up (and perhaps sent) twice.
    (lease, config) =>
      lease <= Number(config.NOTIFY_TIMEOUT_MS) + 30_000
        ? `must be more than NOTIFY_TIMEOUT_MS plus 30 s (time to print a letter), got ${lease}`
        : undefined,
  ),
  NOTIFY_API_KEY: refine(
    requiredInProduction(
      env.secret(
        'GOV.UK Notify API key; required in production, and unset elsewhere letters, emails and texts go to the in-memory sandbox',
      ),
      'without it nothing would be sent',
    ),
    // Checked here as well as by the sender, so a malformed key stops the service with the others' problems.
    (key) => {
      if (key === undefined) return undefined;
      try {
        parseNotifyApiKey(key);
        return undefined;
      } catch {
        return 'is not "<key name>-<service id>-<secret>" with two UUIDs';
      }
    },
  ),
  NOTIFY_BASE_URL: env.optionalUrl("GOV.UK Notify's API; its production address by default", ['https:', 'http:']),
  NOTIFY_EMAIL_TEMPLATE_ID: requiredInProduction(
    env.optional(
      "The id of Notify's pass-through email template (subject ((subject)), body ((body))); required in production",
    ),
    'emails are sent through it',
  ),
  NOTIFY_SMS_TEMPLATE_ID: requiredInProduction(
    env.optional("The id of Notify's pass-through text message template (body ((body))); required in production"),
    'texts are sent through it',
  ),
  NOTIFY_TIMEOUT_MS: env.int('How long one request to Notify may take', 10_000, { min: 100, max: 60_000 }),
  NOTIFY_CALLBACK_TOKEN: requiredInProduction(
    env.secret(
      'The bearer token set in Notify for its delivery receipts; required in production, and unset elsewhere every receipt is refused',
    ),
    'without it no delivery receipt is taken',
  ),
};

export type CorrespondenceConfig = Config<typeof correspondenceSettings>;

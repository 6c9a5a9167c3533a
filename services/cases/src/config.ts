import { env, readConfig, serviceSettings } from '@ccsc/platform';
import { messagingSettings } from '@ccsc/messaging';

export const casesSettings = {
  ...serviceSettings,
  ...messagingSettings,
  DEADLINE_RUN_INTERVAL_MS: env.int(
    'How often the case-deadline run triggers the events of passed deadlines; 0 turns the timer off',
    900_000,
    { min: 0, max: 86_400_000 },
  ),
  WEBHOOK_DISPATCH_INTERVAL_MS: env.int(
    'How often the webhook dispatcher looks for deliveries that are due; 0 turns the timer off',
    1_000,
    { min: 0, max: 3_600_000 },
  ),
  WEBHOOK_TIMEOUT_MS: env.int('How long one webhook delivery attempt may take before it counts as failed', 5_000, {
    min: 100,
    max: 30_000,
  }),
  WEBHOOK_MAX_IN_FLIGHT: env.int(
    'How many webhook deliveries (each to a different endpoint) may be in flight at once',
    32,
    {
      min: 1,
      max: 1_000,
    },
  ),
  WEBHOOK_RETRY_FIRST_DELAY_MS: env.int(
    'The wait after a failed webhook delivery, doubled for each later failure',
    30_000,
    {
      min: 1,
      max: 3_600_000,
    },
  ),
  WEBHOOK_RETRY_MAX_DELAY_MS: env.int('The longest wait between two attempts of a webhook delivery', 10_800_000, {
    min: 1,
    max: 86_400_000,
  }),
  WEBHOOK_RETRY_WINDOW_MS: env.int('How long a failing webhook delivery is retried before it is parked', 86_400_000, {
    min: 1,
    max: 7 * 86_400_000,
  }),
  WEBHOOK_SECRET_OVERLAP_MS: env.int(
    'How long the old signing secret still signs deliveries after a rotation',
    86_400_000,
    {
      min: 0,
      max: 7 * 86_400_000,
    },
  ),
  WEBHOOK_ALLOW_LOOPBACK: env.bool(
    'Let webhook endpoints be http(s)://127.0.0.1, [::1] or localhost (tests and local development only)',
    false,
  ),
  CORRESPONDENCE_DISPATCH_INTERVAL_MS: env.int(
    'How often the correspondence dispatcher sends the letters and emails that are due; 0 turns the timer off',
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
  NOTIFY_API_KEY: env.secret('GOV.UK Notify API key; unset, letters and emails go to the in-memory sandbox'),
  NOTIFY_BASE_URL: env.optionalUrl("GOV.UK Notify's API; its production address by default", ['https:', 'http:']),
  NOTIFY_EMAIL_TEMPLATE_ID: env.optional(
    "The id of Notify's pass-through email template (subject ((subject)), body ((body)))",
  ),
  NOTIFY_SMS_TEMPLATE_ID: env.optional("The id of Notify's pass-through text message template (body ((body)))"),
  NOTIFY_TIMEOUT_MS: env.int('How long one request to Notify may take', 10_000, { min: 100, max: 60_000 }),
  NOTIFY_CALLBACK_TOKEN: env.secret(
    'The bearer token set in Notify for its delivery receipts; unset, every receipt is refused',
  ),
};
export const readCasesConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(casesSettings, source);
export type CasesConfig = ReturnType<typeof readCasesConfig>;

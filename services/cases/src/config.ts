import { env, inProduction, readConfig, refine, serviceSettings } from '@ccsc/platform';
import { correspondenceSettings } from '@ccsc/correspondence/outbox';
import { messagingSettings } from '@ccsc/messaging';
import { webhookSecretsKeyProblem } from './webhooks/infrastructure/webhook-secret-box';

export const casesSettings = {
  ...serviceSettings,
  ...messagingSettings,
  ...correspondenceSettings,
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
  WEBHOOK_MAX_IN_FLIGHT_PER_FIRM: env.int(
    "How many of one firm's webhook endpoints may have a delivery in flight at once, across replicas",
    4,
    { min: 1, max: 1_000 },
  ),
  WEBHOOK_MAX_ENDPOINTS_PER_FIRM: env.int('How many webhook endpoints one firm may register', 10, {
    min: 1,
    max: 100,
  }),
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
  // A copy of the database alone must not be able to sign deliveries firms trust.
  WEBHOOK_SECRETS_KEY: refine(
    env.secret(
      'Key that encrypts webhook signing secrets at rest: 32 bytes in base64 (`openssl rand -base64 32`); required in production, a fixed development key otherwise',
    ),
    (key, config) =>
      key === undefined
        ? inProduction(config)
          ? 'is required in production'
          : undefined
        : webhookSecretsKeyProblem(key),
  ),
  // In production a loopback endpoint would let a firm make the service call itself (its own admin routes).
  WEBHOOK_ALLOW_LOOPBACK: refine(
    env.bool(
      'Let webhook endpoints be http(s)://127.0.0.1, [::1] or localhost (tests and local development only; refused in production)',
      false,
    ),
    (allow, config) =>
      allow && inProduction(config) ? 'is for tests and local development, refused in production' : undefined,
  ),
};
export const readCasesConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(casesSettings, source);
export type CasesConfig = ReturnType<typeof readCasesConfig>;

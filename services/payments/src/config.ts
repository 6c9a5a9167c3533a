import { ConfigError, env, readConfig, serviceSettings } from '@ccsc/platform';
import { messagingSettings } from '@ccsc/messaging';

export const paymentsSettings = {
  ...serviceSettings,
  ...messagingSettings,
  CARD_PROVIDER_SECRET: env.optional("Shared secret of the card provider's signed status callbacks (HMAC-SHA256); required in production, a fixed sandbox secret otherwise"),
  HWF_EVIDENCE_CHECK_PERCENT: env.int('Share of Help with Fees applications picked for an evidence check, in percent', 10, { min: 0, max: 100 }),
  DUPLICATE_PAYMENT_WINDOW_MINUTES: env.int('A payment like another by the same payer within this many minutes is flagged as a possible duplicate', 10, { min: 0, max: 1440 }),
};

/** Outside production the sandbox's callbacks are signed with this, so a developer can produce them. */
export const SANDBOX_CALLBACK_SECRET = 'sandbox-callback-secret';

export const readPaymentsConfig = (source: Record<string, string | undefined> = process.env) => {
  const config = readConfig(paymentsSettings, source);
  // A published default secret would let anyone forge "payment succeeded" callbacks.
  if (config.NODE_ENV === 'production' && !config.CARD_PROVIDER_SECRET) throw new ConfigError(['CARD_PROVIDER_SECRET is required in production']);
  return config;
};
export type PaymentsConfig = ReturnType<typeof readPaymentsConfig>;

import { ConfigError, env, readConfig, serviceSettings } from '@ccsc/platform';
import { messagingSettings } from '@ccsc/messaging';

/** In development and test, without CARD_PROVIDER_SECRET, the sandbox's callbacks are signed with this, so a developer can produce them. */
export const SANDBOX_CALLBACK_SECRET = 'sandbox-callback-secret';

export const paymentsSettings = {
  ...serviceSettings,
  ...messagingSettings,
  CARD_PROVIDER_SECRET: env.secret(
    "Shared secret of the card provider's signed status callbacks (HMAC-SHA256); required unless NODE_ENV is development or test, where it defaults to the sandbox secret",
    [SANDBOX_CALLBACK_SECRET],
  ),
  HWF_EVIDENCE_CHECK_PERCENT: env.int(
    'Share of Help with Fees applications picked for an evidence check, in percent',
    10,
    { min: 0, max: 100 },
  ),
  DUPLICATE_PAYMENT_WINDOW_MINUTES: env.int(
    'A payment like another by the same payer within this many minutes is flagged as a possible duplicate',
    10,
    { min: 0, max: 1440 },
  ),
};

/**
 * Only development and test fall back to the sandbox's secret, which is published here; anywhere
 * else the process refuses to start without one, or anyone could forge "payment succeeded" callbacks.
 */
export const readPaymentsConfig = (source: Record<string, string | undefined> = process.env) => {
  const config = readConfig(paymentsSettings, source);
  const local = config.NODE_ENV === 'development' || config.NODE_ENV === 'test';
  if (!config.CARD_PROVIDER_SECRET && !local)
    throw new ConfigError([
      `CARD_PROVIDER_SECRET is required in ${config.NODE_ENV}; only development and test fall back to the sandbox secret`,
    ]);
  return Object.freeze({ ...config, CARD_PROVIDER_SECRET: config.CARD_PROVIDER_SECRET ?? SANDBOX_CALLBACK_SECRET });
};
export type PaymentsConfig = ReturnType<typeof readPaymentsConfig>;

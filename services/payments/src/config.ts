import { ConfigError, env, readConfig, serviceSettings } from '@ccsc/platform';
import { messagingSettings } from '@ccsc/messaging';

/** In development and test, without CARD_PROVIDER_SECRET, the sandbox's callbacks are signed with this, so a developer can produce them. */
export const SANDBOX_CALLBACK_SECRET = 'sandbox-callback-secret';

/** In development and test, without CARD_RETURN_ORIGINS, payers may return to the example pages the documentation uses. */
export const EXAMPLE_RETURN_ORIGINS = [
  'https://www.example.gov.uk',
  'https://claims.example.gov.uk',
  'https://fines.example.gov.uk',
];

export const paymentsSettings = {
  ...serviceSettings,
  ...messagingSettings,
  CARD_PROVIDER_SECRET: env.secret(
    "Shared secret of the card provider's signed status callbacks (HMAC-SHA256); required unless NODE_ENV is development or test, where it defaults to the sandbox secret",
    [SANDBOX_CALLBACK_SECRET],
  ),
  CARD_RETURN_ORIGINS: env.origins(
    `Where the card provider may send a payer back to: the https origins of the service's own pages, comma-separated; a card payment's returnUrl must be on one. Required unless NODE_ENV is development or test, where it defaults to ${EXAMPLE_RETURN_ORIGINS.join(', ')}`,
    ['https:'],
    [],
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
 * Likewise the pages payers return to: anywhere else they are the deployment's own, never a default.
 */
export const readPaymentsConfig = (source: Record<string, string | undefined> = process.env) => {
  const config = readConfig(paymentsSettings, source);
  const local = config.NODE_ENV === 'development' || config.NODE_ENV === 'test';
  const problems = [
    ...(config.CARD_PROVIDER_SECRET || local
      ? []
      : [
          `CARD_PROVIDER_SECRET is required in ${config.NODE_ENV}; only development and test fall back to the sandbox secret`,
        ]),
    ...(config.CARD_RETURN_ORIGINS.length || local
      ? []
      : [
          `CARD_RETURN_ORIGINS is required in ${config.NODE_ENV}; only development and test fall back to the example pages`,
        ]),
  ];
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({
    ...config,
    CARD_PROVIDER_SECRET: config.CARD_PROVIDER_SECRET ?? SANDBOX_CALLBACK_SECRET,
    CARD_RETURN_ORIGINS: config.CARD_RETURN_ORIGINS.length ? config.CARD_RETURN_ORIGINS : EXAMPLE_RETURN_ORIGINS,
  });
};
export type PaymentsConfig = ReturnType<typeof readPaymentsConfig>;

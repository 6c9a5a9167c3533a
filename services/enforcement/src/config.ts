import { env, readConfig, serviceSettings } from '@ccsc/platform';
import { messagingSettings } from '@ccsc/messaging';

export const enforcementSettings = {
  ...serviceSettings,
  ...messagingSettings,
  DEFAULT_RUN_INTERVAL_MS: env.int(
    'How often the default run is started (it is idempotent for the day, so hourly is harmless); 0 turns the timer off',
    3_600_000,
    { min: 0 },
  ),
};
export const readEnforcementConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(enforcementSettings, source);
export type EnforcementConfig = ReturnType<typeof readEnforcementConfig>;

import { env, readConfig, serviceSettings } from '@ccsc/platform';
import { correspondenceSettings } from '@ccsc/correspondence/outbox';
import { messagingSettings } from '@ccsc/messaging';

export const complaintsSettings = {
  ...serviceSettings,
  ...messagingSettings,
  ...correspondenceSettings,
  SLA_RUN_INTERVAL_MS: env.int(
    'How often the at-risk and breached flags of complaint stages are refreshed; 0 turns the timer off',
    300_000,
    { min: 0, max: 86_400_000 },
  ),
};
export const readComplaintsConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(complaintsSettings, source);
export type ComplaintsConfig = ReturnType<typeof readComplaintsConfig>;

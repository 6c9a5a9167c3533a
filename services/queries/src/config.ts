import { env, readConfig, serviceSettings } from '@ccsc/platform';
import { correspondenceSettings } from '@ccsc/correspondence/outbox';
import { messagingSettings } from '@ccsc/messaging';

export const queriesSettings = {
  ...serviceSettings,
  ...messagingSettings,
  ...correspondenceSettings,
  SLA_RUN_INTERVAL_MS: env.int(
    'How often the SLA check flags at-risk and breached enquiries; 0 turns the timer off',
    60_000,
    { min: 0, max: 86_400_000 },
  ),
};
export const readQueriesConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(queriesSettings, source);
export type QueriesConfig = ReturnType<typeof readQueriesConfig>;

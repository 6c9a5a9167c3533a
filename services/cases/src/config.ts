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
};
export const readCasesConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(casesSettings, source);
export type CasesConfig = ReturnType<typeof readCasesConfig>;

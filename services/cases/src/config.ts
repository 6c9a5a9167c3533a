import { readConfig, serviceSettings } from '@ccsc/platform';
import { messagingSettings } from '@ccsc/messaging';

export const casesSettings = { ...serviceSettings, ...messagingSettings };
export const readCasesConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(casesSettings, source);
export type CasesConfig = ReturnType<typeof readCasesConfig>;

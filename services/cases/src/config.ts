import { readConfig, serviceSettings } from '@ccsc/platform';

/** The cases service has no settings of its own yet beyond the platform's. */
export const casesSettings = { ...serviceSettings };
export const readCasesConfig = (source: Record<string, string | undefined> = process.env) => readConfig(casesSettings, source);

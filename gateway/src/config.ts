import { env, graphqlLimitSettings, readConfig, refine, serviceSettings, type Setting } from '@ccsc/platform';
import { SERVICE_NAMES, SERVICES, GATEWAY_PORT } from '@ccsc/contracts';
import { readTrustedDocuments } from './persisted-documents';

const {
  NODE_ENV,
  HOST,
  LOG_LEVEL,
  BODY_LIMIT,
  AUTH_JWKS_URL,
  AUTH_JWKS_ALLOW_HTTP,
  AUTH_LOCAL_KEYS_DIR,
  AUTH_ISSUER,
  AUTH_AUDIENCE,
  OTEL_EXPORTER_OTLP_ENDPOINT,
  SHUTDOWN_GRACE_MS,
  METRICS_TOKEN,
} = serviceSettings;

/** Where each service is, by `<NAME>_URL` (its base URL: GraphQL at /graphql, REST at /api/v1/<name>). */
const serviceUrls = Object.fromEntries(
  SERVICE_NAMES.map((name) => [
    `${name.toUpperCase()}_URL`,
    env.url(`Base URL of the ${name} service`, ['http:', 'https:'], `http://127.0.0.1:${SERVICES[name].port}`),
  ]),
) as Record<`${Uppercase<(typeof SERVICE_NAMES)[number]>}_URL`, ReturnType<typeof env.url>>;

export const gatewaySettings = {
  NODE_ENV,
  HOST,
  PORT: env.int('HTTP port of the gateway', GATEWAY_PORT, { min: 0, max: 65535 }),
  LOG_LEVEL,
  BODY_LIMIT,
  AUTH_JWKS_URL,
  AUTH_JWKS_ALLOW_HTTP,
  AUTH_LOCAL_KEYS_DIR,
  AUTH_ISSUER,
  AUTH_AUDIENCE,
  OTEL_EXPORTER_OTLP_ENDPOINT,
  SHUTDOWN_GRACE_MS,
  METRICS_TOKEN,
  RATE_LIMIT_REQUESTS: env.int(
    'Requests one client (token subject, else IP address) may make to the gateway per window; more get 429',
    100,
    { min: 1, max: 1_000_000 },
  ),
  RATE_LIMIT_WINDOW_MS: env.int('Length of the rate-limit window', 10_000, { min: 1_000, max: 3_600_000 }),
  TRUST_PROXY: env.int(
    'How many proxies in front of the gateway to believe about the client address (`X-Forwarded-For`), which rate limits anonymous callers by; 0 believes none',
    0,
    { min: 0, max: 10 },
  ),
  CORS_ORIGINS: env.origins(
    'Browser origins allowed to call the gateway cross-origin, comma-separated (e.g. `https://portal.example`); none by default',
    ['https:', 'http:'],
    [],
  ),
  GRAPHQL_EXPLORER: onOutsideProduction(
    'Serve GraphiQL at /graphql to browsers (every file from the gateway); unset, on outside production and off in it',
  ),
  API_REFERENCE: onOutsideProduction(
    'Serve the API reference page of /api/docs at /api/reference (every file from the gateway); unset, on outside production and off in it',
  ),
  TRUSTED_DOCUMENTS: refine(
    env.list(
      "Manifests of trusted GraphQL documents (GraphQL Code Generator's `persistedDocuments`, sha256), comma-separated paths; when set, only their operations run",
      [],
    ),
    (paths) => {
      try {
        readTrustedDocuments(paths);
        return undefined;
      } catch (error) {
        return `is not a usable manifest: ${(error as Error).message}`;
      }
    },
  ),
  ...graphqlLimitSettings,
  ...serviceUrls,
};

export const readGatewayConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(gatewaySettings, source);
export type GatewayConfig = ReturnType<typeof readGatewayConfig>;

export function serviceUrlOf(config: GatewayConfig, name: string): string {
  const url = (config as unknown as Record<string, string | undefined>)[`${name.toUpperCase()}_URL`];
  if (!url) throw new Error(`No URL configured for service ${name}`);
  return url.replace(/\/$/, '');
}

/** Whether the GraphQL explorer and the API reference page are served: as set, else outside production only. */
export function browserPagesOf(config: GatewayConfig): { explorer: boolean; apiReference: boolean } {
  const production = config.NODE_ENV === 'production';
  return { explorer: config.GRAPHQL_EXPLORER ?? !production, apiReference: config.API_REFERENCE ?? !production };
}

/** true or false as set; unset, undefined, which the gateway reads as "outside production". */
function onOutsideProduction(description: string): Setting<boolean | undefined> {
  const inner = env.bool(description);
  return { description, parse: (raw, name) => (raw?.trim() ? inner.parse(raw, name) : undefined) };
}

import { env, readConfig, serviceSettings } from '@ccsc/platform';
import { SERVICE_NAMES, SERVICES, GATEWAY_PORT } from '@ccsc/contracts';

const { NODE_ENV, HOST, LOG_LEVEL, BODY_LIMIT, AUTH_JWKS_URL, AUTH_LOCAL_KEYS_DIR, AUTH_ISSUER, AUTH_AUDIENCE, OTEL_EXPORTER_OTLP_ENDPOINT, SHUTDOWN_GRACE_MS } = serviceSettings;

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
  AUTH_LOCAL_KEYS_DIR,
  AUTH_ISSUER,
  AUTH_AUDIENCE,
  OTEL_EXPORTER_OTLP_ENDPOINT,
  SHUTDOWN_GRACE_MS,
  GRAPHQL_MAX_DEPTH: env.int('Deepest GraphQL selection the gateway accepts', 12, { min: 1, max: 100 }),
  GRAPHQL_MAX_ALIASES: env.int('Most aliases one GraphQL operation may use', 30, { min: 0, max: 1000 }),
  ...serviceUrls,
};

export const readGatewayConfig = (source: Record<string, string | undefined> = process.env) => readConfig(gatewaySettings, source);
export type GatewayConfig = ReturnType<typeof readGatewayConfig>;

export function serviceUrlOf(config: GatewayConfig, name: string): string {
  const url = (config as unknown as Record<string, string | undefined>)[`${name.toUpperCase()}_URL`];
  if (!url) throw new Error(`No URL configured for service ${name}`);
  return url.replace(/\/$/, '');
}

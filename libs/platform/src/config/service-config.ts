import { env, inProduction, refine, type Setting } from './config';
import { namesDemoRealm, PUBLISHED_SECRETS } from './published-values';
import { graphqlLimitSettings } from '../graphql/graphql-limits';
import { operationsSettings } from '../metrics/operations-access';

/** Production trusts no token of the demo realm, whose users' passwords are published. */
const notTheDemoRealm = <T extends string | undefined>(setting: Setting<T>) =>
  refine(setting, (url, config) =>
    url && inProduction(config) && namesDemoRealm(url) ? 'names the demo realm, refused in production' : undefined,
  );

/**
 * In production a service connects as its own role, never as the server's superuser (which reads
 * every service's database), and with a password that is not published here.
 */
function databaseCredentialsProblem(raw: string): string | undefined {
  const url = new URL(raw);
  if (decoded(url.username) === 'postgres')
    return "connects as the superuser postgres, refused in production: use the service's own role";
  if (PUBLISHED_SECRETS.includes(decoded(url.password))) return 'has a published demo password, refused in production';
  return undefined;
}

function decoded(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component; // a stray % is no published value either
  }
}

/** The settings every service shares. A service adds its own to these. */
export const serviceSettings = {
  NODE_ENV: env.oneOf(
    'Runtime mode; `production` turns off introspection, stack traces and local signing keys',
    ['development', 'test', 'production'] as const,
    'development',
  ),
  HOST: env.string('Interface the HTTP server binds to', '0.0.0.0'),
  PORT: env.int('HTTP port of the service', undefined, { min: 0, max: 65535 }),
  LOG_LEVEL: env.oneOf(
    'Minimum log level',
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
    'info',
  ),
  DATABASE_URL: refine(
    env.url("PostgreSQL connection URL of the service's own database", ['postgres:', 'postgresql:']),
    (url, config) => (inProduction(config) ? databaseCredentialsProblem(url) : undefined),
  ),
  DATABASE_POOL_SIZE: env.int('Maximum connections in the database pool', 10, { min: 1, max: 200 }),
  DATABASE_ACQUIRE_TIMEOUT_MS: env.int(
    'How long a request waits for a free database connection before answering 503 with `Retry-After`',
    10_000,
    { min: 100, max: 120_000 },
  ),
  BODY_LIMIT: env.string('Largest request body accepted (bytes or a unit such as `1mb`)', '1mb'),
  AUTH_JWKS_URL: refine(
    notTheDemoRealm(
      env.optionalUrl("The identity provider's JWKS; required in production, and over https there", [
        'https:',
        'http:',
      ]),
    ),
    (url, config) =>
      // Keys fetched over plain http can be swapped on the way, and then any token verifies.
      url && inProduction(config) && new URL(url).protocol === 'http:' && !config.AUTH_JWKS_ALLOW_HTTP
        ? 'must use https in production (or set AUTH_JWKS_ALLOW_HTTP)'
        : undefined,
  ),
  AUTH_JWKS_ALLOW_HTTP: env.bool(
    'Accept an http `AUTH_JWKS_URL` in production: only for an identity provider on the same private network (docker compose, an in-namespace Keycloak)',
    false,
  ),
  AUTH_LOCAL_KEYS_DIR: env.optional(
    "Directory of the platform's own signing key (embedded and tests only; refused in production)",
  ),
  AUTH_ISSUER: notTheDemoRealm(env.string('Expected `iss` of access tokens', 'ccsc-local')),
  AUTH_AUDIENCE: env.string('Expected `aud` of access tokens', 'ccsc-api'),
  OTEL_EXPORTER_OTLP_ENDPOINT: env.optionalUrl(
    'OpenTelemetry collector (OTLP/HTTP) that traces are exported to; unset, traces are propagated but not recorded',
    ['http:', 'https:'],
  ),
  SHUTDOWN_GRACE_MS: env.int('How long in-flight requests get to finish on SIGTERM', 10_000, { min: 0 }),
  ...graphqlLimitSettings,
  ...operationsSettings,
};

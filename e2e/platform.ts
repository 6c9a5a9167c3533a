import type { INestApplication } from '@nestjs/common';
import { SERVICE_NAMES, type ServiceName } from '@ccsc/contracts';
import { testEnv, TEST_AUDIENCE, TEST_ISSUER } from '@ccsc/testing';
import { inProcess, type InProcessService } from '../tools/platform/in-process';
import { serveJwks as serveLocalJwks } from '../tools/platform/jwks';
import { launchPlatform, type LaunchedPlatform, type PlatformServer } from '../tools/platform/launch';

export interface RunningService extends InProcessService {
  databaseUrl: string;
}

export interface RunningPlatform extends LaunchedPlatform<InProcessService, PlatformServer> {
  /** The services started, each on a fresh database and its own port. */
  services: Partial<Record<ServiceName, RunningService>>;
  gatewayUrl: string;
  /** The cases service's own URL (cases always runs: every other service extends its Case). */
  casesUrl: string;
  cases: INestApplication;
}

export interface PlatformOptions {
  /** Services besides cases; by default every service. */
  services?: ServiceName[];
  /** Gateway settings over the test defaults. */
  gateway?: Record<string, string>;
  /** Settings of every service over the test defaults (e.g. KAFKA_BROKERS). */
  env?: Record<string, string>;
}

/**
 * The platform under test (tools/platform): the services in this process, sharing its event bus,
 * each on a fresh migrated database and a free port, and the gateway in front of them.
 */
export async function startTestPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const { postgresUrl, keysDir } = testEnv();
  const platform = await launchPlatform({
    runner: inProcess(),
    services: ['cases', ...(options.services ?? SERVICE_NAMES)],
    postgres: { url: postgresUrl },
    databases: { fresh: 'test' },
    keysDir,
    env: {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
    },
    serviceEnv: { DATABASE_POOL_SIZE: '4', ...options.env },
    gatewayEnv: {
      // The suites make thousands of requests with one token; e2e/edge-security sets a low limit of its own.
      RATE_LIMIT_REQUESTS: '1000000',
      // serveJwks serves the keys over http on the loopback, which production mode otherwise refuses.
      AUTH_JWKS_ALLOW_HTTP: 'true',
      ...options.gateway,
    },
  });
  const services = Object.fromEntries(
    Object.entries(platform.services).map(([name, service]) => [
      name,
      { ...service, databaseUrl: platform.databases[name as ServiceName]?.url ?? '' },
    ]),
  );
  const { cases } = platform.services;
  if (!cases || !platform.gateway) throw new Error('The platform started without cases or the gateway');
  return { ...platform, services, gatewayUrl: platform.gateway.url, casesUrl: cases.url, cases: cases.app };
}

/** Serves the test signing key's JWKS over HTTP, as an identity provider would. */
export const serveJwks = () => serveLocalJwks(testEnv().keysDir);

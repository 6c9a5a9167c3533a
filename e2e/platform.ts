import type { INestApplication } from '@nestjs/common';
import { SERVICE_NAMES, type ServiceName } from '@ccsc/contracts';
import { OpenApiContract, testEnv, TEST_AUDIENCE, TEST_ISSUER, watchResponses } from '@ccsc/testing';
import { readGatewayConfig } from '../gateway/src/config';
import { createGateway } from '../gateway/src/gateway';
import { MergedOpenApi } from '../gateway/src/openapi';
import { inProcess, type InProcessService } from '../tools/platform/in-process';
import { serveJwks as serveLocalJwks } from '../tools/platform/jwks';
import {
  launchPlatform,
  type LaunchedPlatform,
  type PlatformServer,
  type ServerRunner,
} from '../tools/platform/launch';

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
    runner: checkingTheContract(inProcess()),
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

/**
 * The servers of `runner`, with every answer of the gateway checked against the merged OpenAPI document of
 * the services started, exactly as the gateway serves it at /api/docs (read from the services themselves, so
 * that no request of the check counts against the gateway's rate limits). A test fails on a mismatch
 * (libs/testing/src/contract, set up by tools/contract/response-contract.setup.ts).
 */
function checkingTheContract(
  runner: ServerRunner<InProcessService, PlatformServer>,
): ServerRunner<InProcessService, PlatformServer> {
  return {
    service: runner.service,
    gateway: async (env, port = 0) => {
      const services = Object.fromEntries(
        SERVICE_NAMES.flatMap((name) => {
          const url = env[`${name.toUpperCase()}_URL`];
          return url ? [[name, url]] : [];
        }),
      );
      const document = await new MergedOpenApi(services).document();
      const info = document.info as unknown as Record<string, unknown>;
      // As fetchOpenApi refuses them: a document missing a service, or one service's schema under another's name.
      for (const flaw of ['x-unavailable-services', 'x-schema-name-conflicts'])
        if (info[flaw]) throw new Error(`The merged OpenAPI document has ${flaw}: ${JSON.stringify(info[flaw])}`);
      const contract = new OpenApiContract(document as unknown as Record<string, unknown>);
      const gateway = await createGateway(readGatewayConfig({ ...env, PORT: String(port) }));
      watchResponses(gateway.server, async () => contract);
      return { url: await gateway.listen(), stop: () => gateway.close() };
    },
  };
}

/** Serves the test signing key's JWKS over HTTP, as an identity provider would. */
export const serveJwks = () => serveLocalJwks(testEnv().keysDir);

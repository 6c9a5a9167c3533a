// The merged OpenAPI document as the gateway serves it at /api/docs: fetched from a running gateway, or
// from a platform started for the purpose (the launcher `npm start` and the e2e tests use).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inProcess } from '../platform/in-process';
import { launchPlatform } from '../platform/launch';

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

/** `/api/docs` of the gateway at `gatewayUrl`; refused when a service did not answer the gateway. */
export async function fetchOpenApi(gatewayUrl: string): Promise<OpenApiDocument> {
  const res = await fetch(new URL('/api/docs', gatewayUrl), { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`${gatewayUrl}/api/docs answered ${res.status}`);
  const document = (await res.json()) as OpenApiDocument & { info?: Record<string, unknown> };
  const unavailable = document.info?.['x-unavailable-services'];
  if (unavailable)
    throw new Error(`The gateway's document leaves out services that did not answer: ${JSON.stringify(unavailable)}`);
  const conflicts = document.info?.['x-schema-name-conflicts'];
  if (conflicts)
    throw new Error(
      `Services name different schemas alike, so one's routes show the other's: ${JSON.stringify(conflicts)}`,
    );
  return document;
}

/**
 * Starts every service and the gateway in this process on fresh databases (on `postgresUrl`'s server, else
 * on an embedded PostgreSQL in a temporary directory), reads /api/docs and stops everything again.
 */
export async function openApiOfFreshPlatform(postgresUrl?: string): Promise<OpenApiDocument> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ccsc-contract-'));
  try {
    const platform = await launchPlatform({
      runner: inProcess(),
      postgres: postgresUrl
        ? { url: postgresUrl }
        : { embedded: { dataDir: path.join(scratch, 'postgres'), port: await freePort() } },
      databases: { fresh: 'contract' },
      keysDir: path.join(scratch, 'keys'),
      env: { NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      serviceEnv: { DATABASE_POOL_SIZE: '2' },
    });
    try {
      if (!platform.gateway) throw new Error('The platform started without its gateway');
      return await fetchOpenApi(platform.gateway.url);
    } finally {
      await platform.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A port nothing listens on at the moment, for the embedded PostgreSQL. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

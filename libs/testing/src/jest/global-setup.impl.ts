import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateLocalKeys } from '@ccsc/auth';
import { resolveKafka } from '../kafka/resolve-kafka';
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
  // PostgreSQL and Kafka start independently and each takes seconds: side by side.
  const [postgres, kafka] = await Promise.allSettled([
    timed('PostgreSQL', resolvePostgres()),
    timed('Kafka', resolveKafka()),
  ]);
  // jest runs no global teardown after a failed setup: whatever did start is stopped here.
  const stopStarted = () =>
    Promise.all([postgres, kafka].map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
  if (postgres.status === 'rejected' || kafka.status === 'rejected') {
    await stopStarted();
    const [reason] = [postgres, kafka].flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    throw reason;
  }
  if (kafka.value.source === 'none') {
    if (process.env.REQUIRE_KAFKA === '1') {
      await stopStarted();
      throw new Error(`REQUIRE_KAFKA=1 but no Kafka broker is available: ${kafka.value.reason}`);
    }
    log(
      `!!! No Kafka broker: ${kafka.value.reason}.\n!!! Kafka suites will be SKIPPED; REQUIRE_KAFKA=1 makes this a failure.`,
    );
  }

  const keysDir = mkdtempSync(path.join(tmpdir(), 'ccsc-test-keys-'));
  await loadOrCreateLocalKeys(keysDir);
  setTestEnv({ postgresUrl: postgres.value.url, keysDir, kafkaBrokers: kafka.value.brokers });
  retainInfrastructure(postgres.value.stop);
  retainInfrastructure(kafka.value.stop);
}

async function timed<T extends { source: string }>(name: string, resolving: Promise<T>): Promise<T> {
  const started = Date.now();
  const resolved = await resolving;
  log(`${name}: ${resolved.source} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return resolved;
}

function log(line: string): void {
  process.stdout.write(`\n[test infrastructure] ${line}\n`);
}

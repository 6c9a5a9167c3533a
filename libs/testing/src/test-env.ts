// What the global setup resolved, handed to the test files through the environment
// (jest's global setup runs in the parent process; test files may run in workers).
const PG = 'CCSC_TEST_POSTGRES_URL';
const KEYS = 'CCSC_TEST_KEYS_DIR';
const KAFKA = 'CCSC_TEST_KAFKA_BROKERS';

export interface TestEnv {
  postgresUrl: string;
  keysDir: string;
  /** host:port of the test run's Kafka brokers; empty when there is none and Kafka suites skip. */
  kafkaBrokers: string[];
}

export function setTestEnv(env: Omit<TestEnv, 'kafkaBrokers'> & Partial<Pick<TestEnv, 'kafkaBrokers'>>): void {
  process.env[PG] = env.postgresUrl;
  process.env[KEYS] = env.keysDir;
  process.env[KAFKA] = (env.kafkaBrokers ?? []).join(',');
}

export function testEnv(): TestEnv {
  const postgresUrl = process.env[PG];
  const keysDir = process.env[KEYS];
  if (!postgresUrl || !keysDir)
    throw new Error('The test infrastructure is not set up: run these tests through jest (integration or e2e project)');
  return { postgresUrl, keysDir, kafkaBrokers: testKafkaBrokers() };
}

export function hasTestEnv(): boolean {
  return Boolean(process.env[PG] && process.env[KEYS]);
}

/** The test run's Kafka brokers, or none (empty) without throwing, so suites can decide to skip. */
export function testKafkaBrokers(): string[] {
  return (process.env[KAFKA] ?? '').split(',').filter(Boolean);
}

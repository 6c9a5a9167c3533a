// What the global setup resolved, handed to the test files through the environment
// (jest's global setup runs in the parent process; test files may run in workers).
const PG = 'CCSC_TEST_POSTGRES_URL';
const KEYS = 'CCSC_TEST_KEYS_DIR';

export interface TestEnv {
  postgresUrl: string;
  keysDir: string;
}

export function setTestEnv(env: TestEnv): void {
  process.env[PG] = env.postgresUrl;
  process.env[KEYS] = env.keysDir;
}

export function testEnv(): TestEnv {
  const postgresUrl = process.env[PG];
  const keysDir = process.env[KEYS];
  if (!postgresUrl || !keysDir) throw new Error('The test infrastructure is not set up: run these tests through jest (integration or e2e project)');
  return { postgresUrl, keysDir };
}

export function hasTestEnv(): boolean {
  return Boolean(process.env[PG] && process.env[KEYS]);
}

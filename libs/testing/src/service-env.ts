import { testEnv } from './test-env';
import { TEST_AUDIENCE, TEST_ISSUER } from './tokens';

/** The environment a service under test reads its configuration from. */
export function testServiceEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    AUTH_LOCAL_KEYS_DIR: testEnv().keysDir,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    ...extra,
  };
}

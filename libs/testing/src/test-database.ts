import { randomBytes } from 'node:crypto';
import { dropDatabase, migrateDatabase, ServiceDataSourceParts, withDatabase } from '@ccsc/platform';
import { testEnv } from './test-env';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, with the service's migrations applied. Names always start
 * with `test_`, and nothing here will touch a database whose name does not.
 */
export async function createTestDatabase(service: string, parts: ServiceDataSourceParts): Promise<TestDatabase> {
  const server = testEnv().postgresUrl;
  const name = `test_${service}_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(server, name);
  await migrateDatabase(url, parts);
  return {
    url,
    drop: async () => {
      if (!name.startsWith('test_')) throw new Error(`Refusing to drop ${name}`);
      await dropDatabase(server, name);
    },
  };
}

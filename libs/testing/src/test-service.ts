import type { INestApplication } from '@nestjs/common';
import type { ServiceDataSourceParts } from '@ccsc/platform';
import { createTestDatabase, TestDatabase } from './test-database';
import { testServiceEnv } from './service-env';
import { watchServiceContract } from './contract/service-contract';

export interface TestService {
  app: INestApplication;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * A service's application on a fresh, migrated database of its own, initialised: `create` turns the test
 * environment (plus `env`) into the app, as the service's main.ts does. Where the test run checks answers
 * against the contract (libs/testing/src/contract), every answer of the app is checked.
 */
export async function startTestService(
  service: string,
  parts: ServiceDataSourceParts,
  create: (env: Record<string, string>) => Promise<INestApplication>,
  env: Record<string, string> = {},
): Promise<TestService> {
  const database = await createTestDatabase(service, parts);
  const app = await create(testServiceEnv(database.url, env));
  await app.init();
  try {
    await watchServiceContract(app);
  } catch (error) {
    await app.close();
    await database.drop();
    throw error;
  }
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, TestDatabase, testServiceEnv } from '@ccsc/testing';
import { casesApp } from '../src/cases.app';
import { readCasesConfig } from '../src/config';
import { casesDatabase } from '../src/data-source';

/** The cases service on a fresh, migrated database of its own. */
export async function startCasesApp(): Promise<{ app: INestApplication; database: TestDatabase; close(): Promise<void> }> {
  const database = await createTestDatabase('cases', casesDatabase);
  const app = await casesApp(readCasesConfig(testServiceEnv(database.url)));
  await app.init();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export const claim = (overrides: Record<string, unknown> = {}) => ({
  caseType: 'civil-money-claim',
  parties: [
    { role: 'claimant', kind: 'person', name: 'Alex Claimant', email: 'alex@example.com', representedBy: 'org-a' },
    { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
  ],
  ...overrides,
});

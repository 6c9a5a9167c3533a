import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseAccessChangedV1 } from '@ccsc/contracts';
import { recordCaseAccess } from '@ccsc/case-access';
import { createTestDatabase, TestDatabase, testServiceEnv } from '@ccsc/testing';
import { queriesApp } from '../src/queries.app';
import { readQueriesConfig } from '../src/config';
import { queriesDatabase } from '../src/data-source';

/** The queries service on a fresh, migrated database of its own, with the SLA timer off (tests run the check themselves). */
export async function startQueriesApp(env: Record<string, string> = {}): Promise<{ app: INestApplication; database: TestDatabase; dataSource: DataSource; close(): Promise<void> }> {
  const database = await createTestDatabase('queries', queriesDatabase);
  const app = await queriesApp(readQueriesConfig(testServiceEnv(database.url, { SLA_RUN_INTERVAL_MS: '0', ...env })));
  await app.init();
  return {
    app,
    database,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * A case as cases announces it: its access event applied to this service's projection, exactly as
 * the consumer applies it.
 */
export async function knownCase(dataSource: DataSource, audience: { organisations?: string[]; users?: string[] } = {}): Promise<string> {
  const caseId = randomUUID();
  const reference = String(Math.floor(Math.random() * 1e15)).padStart(16, '1');
  await recordCaseAccess(dataSource.manager, {
    specversion: '1.0', id: randomUUID(), source: 'cases', type: caseAccessChangedV1.type, subject: caseId, time: new Date().toISOString(),
    datacontenttype: 'application/json', data: { caseId, reference, organisations: audience.organisations ?? [], users: audience.users ?? [] },
  });
  return caseId;
}

export const enquiry = (overrides: Record<string, unknown> = {}) => ({
  channel: 'online-form',
  subject: 'Question about my claim',
  message: 'When will I hear back about my claim?',
  contact: { name: 'Alex Smith', email: 'alex@example.com' },
  ...overrides,
});

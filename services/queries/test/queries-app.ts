import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { caseAccessChangedV2 } from '@ccsc/contracts';
import { recordCaseAccess } from '@ccsc/case-access';
import { caseAccessData, eventEnvelope, startTestService, testCaseReference } from '@ccsc/testing';
import { queriesApp } from '../src/queries.app';
import { readQueriesConfig } from '../src/config';
import { queriesDatabase } from '../src/data-source';

/** The queries service on a fresh, migrated database of its own, with the SLA timer off (tests run the check themselves). */
export async function startQueriesApp(env: Record<string, string> = {}) {
  const service = await startTestService(
    'queries',
    queriesDatabase,
    (source) => queriesApp(readQueriesConfig(source)),
    { SLA_RUN_INTERVAL_MS: '0', ...env },
  );
  return { ...service, dataSource: service.app.get(DataSource) };
}

/**
 * A case as cases announces it: its access event applied to this service's projection, exactly as
 * the consumer applies it.
 */
export async function knownCase(
  dataSource: DataSource,
  audience: { organisations?: string[]; users?: string[] } = {},
): Promise<string> {
  const caseId = randomUUID();
  const reference = testCaseReference();
  await recordCaseAccess(
    dataSource.manager,
    eventEnvelope(caseAccessChangedV2, caseId, caseAccessData(caseId, reference, audience)),
  );
  return caseId;
}

export const enquiry = (overrides: Record<string, unknown> = {}) => ({
  channel: 'online-form',
  subject: 'Question about my claim',
  message: 'When will I hear back about my claim?',
  contact: { name: 'Alex Smith', email: 'alex@example.com' },
  ...overrides,
});

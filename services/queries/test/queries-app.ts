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

/**
 * Work profiles for the officers a test gives enquiries to: work goes by profile (team, skills, shift,
 * capacity), so each is in every team, on shift at all hours, with the skills named (none by default).
 */
export async function officerProfiles(
  dataSource: DataSource,
  officers: readonly string[],
  { role = 'caseworker', skills = [] }: { role?: 'caseworker' | 'team-leader'; skills?: readonly string[] } = {},
): Promise<void> {
  await dataSource.query(
    `INSERT INTO work_officers (user_id, name, role, teams, skills, capacity, shift_days, shift_start, shift_end,
       updated_by, updated_at)
     SELECT o, o, $3, (SELECT array_agg(DISTINCT team) FROM work_queues), $2::text[], 500,
       ARRAY['monday','tuesday','wednesday','thursday','friday','saturday','sunday'], '00:00', '24:00', 'test', now()
     FROM unnest($1::text[]) AS o
     ON CONFLICT (user_id) DO NOTHING`,
    [officers, skills, role],
  );
}

export const enquiry = (overrides: Record<string, unknown> = {}) => ({
  channel: 'online-form',
  subject: 'Question about my claim',
  message: 'When will I hear back about my claim?',
  contact: { name: 'Alex Smith', email: 'alex@example.com' },
  ...overrides,
});

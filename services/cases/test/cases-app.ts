import { startTestService } from '@ccsc/testing';
import { casesApp } from '../src/cases.app';
import { readCasesConfig } from '../src/config';
import { casesDatabase } from '../src/data-source';

/** The cases service on a fresh, migrated database of its own. */
export const startCasesApp = (env: Record<string, string> = {}) =>
  startTestService('cases', casesDatabase, (source) => casesApp(readCasesConfig(source)), {
    DEADLINE_RUN_INTERVAL_MS: '0',
    ...env,
  });

export const claim = (overrides: Record<string, unknown> = {}) => ({
  caseType: 'civil-money-claim',
  parties: [
    { role: 'claimant', kind: 'person', name: 'Alex Claimant', email: 'alex@example.com', representedBy: 'org-a' },
    { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
  ],
  ...overrides,
});

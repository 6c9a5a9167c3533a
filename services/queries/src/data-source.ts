import type { ServiceDataSourceParts } from '@ccsc/platform';
import { Foundation1733100000000 } from './migrations/1733100000000-foundation';
import { enquiryMigrations } from './enquiry/enquiry.parts';
import { triageMigrations } from './triage/triage.parts';
import { knowledgeMigrations } from './knowledge/knowledge.parts';
import { CaseAccessParties1734000000000 } from './migrations/1734000000000-case-access-parties';

/**
 * The queries database: the app, `npm run migrate` and the tests all use this one definition
 * (TypeORM orders migrations by their timestamp). Persistence is plain SQL, so there are no entities.
 */
export const queriesDatabase: ServiceDataSourceParts = {
  entities: [],
  migrations: [Foundation1733100000000, ...enquiryMigrations, ...triageMigrations, ...knowledgeMigrations, CaseAccessParties1734000000000],
};

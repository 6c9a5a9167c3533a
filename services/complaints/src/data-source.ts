import { OutboxAppliedAtSource1735700000000 } from '@ccsc/messaging';
import type { ServiceDataSourceParts } from '@ccsc/platform';
import { Complaints1733000000000 } from './migrations/1733000000000-complaints';
import { ComplainantIndexes1733000100000 } from './migrations/1733000100000-complainant-indexes';
import { CaseAccessParties1734000000000 } from './migrations/1734000000000-case-access-parties';
import { AuditTrail1735300000000 } from './migrations/1735300000000-audit-trail';
import { ComplaintSearch1735300100000 } from './migrations/1735300100000-complaint-search';
import { ComplaintStagesStarted1735400000000 } from './migrations/1735400000000-complaint-stages-started';
import { ComplainantContact1735400100000 } from './migrations/1735400100000-complainant-contact';

/** The complaints database: the app, `npm run migrate` and the tests all use this one definition. Persistence is plain SQL, so no entities. */
export const complaintsDatabase: ServiceDataSourceParts = {
  entities: [],
  migrations: [
    Complaints1733000000000,
    ComplainantIndexes1733000100000,
    CaseAccessParties1734000000000,
    AuditTrail1735300000000,
    ComplaintSearch1735300100000,
    ComplaintStagesStarted1735400000000,
    ComplainantContact1735400100000,
    OutboxAppliedAtSource1735700000000,
  ],
};

import { OutboxAppliedAtSource1735700000000 } from '@ccsc/messaging';
import type { ServiceDataSourceParts } from '@ccsc/platform';
import { Foundation1733100000000 } from './migrations/1733100000000-foundation';
import { Enquiries1733100100000 } from './migrations/1733100100000-enquiries';
import { Triage1733100200000 } from './migrations/1733100200000-triage';
import { Knowledge1733100300000 } from './migrations/1733100300000-knowledge';
import { ContactOrganisation1733100400000 } from './migrations/1733100400000-contact-organisation';
import { CaseAccessParties1734000000000 } from './migrations/1734000000000-case-access-parties';
import { TriageSeedWording1734100000000 } from './migrations/1734100000000-triage-seed-wording';
import { WorkTasks1735000000000 } from './migrations/1735000000000-work-tasks';
import { WorkTaskEndings1735100000000 } from './migrations/1735100000000-work-task-endings';
import { EnquiryTasks1735200000000 } from './migrations/1735200000000-enquiry-tasks';
import { AuditTrail1735300000000 } from './migrations/1735300000000-audit-trail';
import { EnquirySearch1735300100000 } from './migrations/1735300100000-enquiry-search';
import { EnquiriesResolved1735400000000 } from './migrations/1735400000000-enquiries-resolved';
import { EnquiriesReceivedCovering1735400100000 } from './migrations/1735400100000-enquiries-received-covering';
import { Correspondence1735400200000 } from './migrations/1735400200000-correspondence';
import { TaskRolesFollowServices1735800000000 } from './migrations/1735800000000-task-roles-follow-services';
import { OneRatingPerReader1736000000000 } from './migrations/1736000000000-one-rating-per-reader';

/**
 * The queries database: the app, `npm run migrate` and the tests all use this one definition.
 * Persistence is plain SQL, so there are no entities.
 */
export const queriesDatabase: ServiceDataSourceParts = {
  entities: [],
  migrations: [
    Foundation1733100000000,
    Enquiries1733100100000,
    Triage1733100200000,
    Knowledge1733100300000,
    ContactOrganisation1733100400000,
    CaseAccessParties1734000000000,
    TriageSeedWording1734100000000,
    WorkTasks1735000000000,
    WorkTaskEndings1735100000000,
    EnquiryTasks1735200000000,
    AuditTrail1735300000000,
    EnquirySearch1735300100000,
    EnquiriesResolved1735400000000,
    EnquiriesReceivedCovering1735400100000,
    Correspondence1735400200000,
    OutboxAppliedAtSource1735700000000,
    TaskRolesFollowServices1735800000000,
    OneRatingPerReader1736000000000,
  ],
};

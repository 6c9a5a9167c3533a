import { OutboxAppliedAtSource1735700000000 } from '@ccsc/messaging';
import type { ServiceDataSourceParts } from '@ccsc/platform';
import { CreateCases1732300000000 } from './migrations/1732300000000-create-cases';
import { EventsAndTimeline1732400000000 } from './migrations/1732400000000-events-and-timeline';
import { FeesAndHistory1732500000000 } from './migrations/1732500000000-fees-and-history';
import { IdempotencyKeys1732600000000 } from './migrations/1732600000000-idempotency-keys';
import { Hearings1732700000000 } from './migrations/1732700000000-hearings';
import { CaseSearchIndexes1732720000000 } from './migrations/1732720000000-case-search-indexes';
import { PartyNeeds1732730000000 } from './migrations/1732730000000-party-needs';
import { CaseResults1732740000000 } from './migrations/1732740000000-case-results';
import { CaseDocuments1732750000000 } from './migrations/1732750000000-case-documents';
import { AssistedDigitalReferrals1732760000000 } from './migrations/1732760000000-assisted-digital-referrals';
import { CaseDecisions1732770000000 } from './migrations/1732770000000-case-decisions';
import { HearingDateIndex1732780000000 } from './migrations/1732780000000-hearing-date-index';
import { TimelinePerCase1732790000000 } from './migrations/1732790000000-timeline-per-case';
import { TimelineAudience1732800000000 } from './migrations/1732800000000-timeline-audience';
import { ClaimAmount1734200000000 } from './migrations/1734200000000-claim-amount';
import { OneResultPerDefendant1734200100000 } from './migrations/1734200100000-one-result-per-defendant';
import { StateDeadlines1734300000000 } from './migrations/1734300000000-state-deadlines';
import { PartyIdentities1734300100000 } from './migrations/1734300100000-party-identities';
import { StatusReview1734300200000 } from './migrations/1734300200000-status-review';
import { StateUntil1734300300000 } from './migrations/1734300300000-state-until';
import { DocumentLanguage1734300400000 } from './migrations/1734300400000-document-language';
import { AuditTrail1735300000000 } from './migrations/1735300000000-audit-trail';
import { CaseHistoryAt1735400000000 } from './migrations/1735400000000-case-history-at';
import { PartyAddress1735450000000 } from './migrations/1735450000000-party-address';
import { PartnerWebhooks1735500000000 } from './migrations/1735500000000-partner-webhooks';
import { Correspondence1735500100000 } from './migrations/1735500100000-correspondence';
import { WebhookFairness1735500200000 } from './migrations/1735500200000-webhook-fairness';
import { LanguageNotStated1735600000000 } from './migrations/1735600000000-language-not-stated';
import { ResultsForTheirDefendant1736100000000 } from './migrations/1736100000000-results-for-their-defendant';
import { DocumentsFiledByStaff1736100100000 } from './migrations/1736100100000-documents-filed-by-staff';
import { DocumentsSharedWith1736200000000 } from './migrations/1736200000000-documents-shared-with';

/**
 * The cases database: the app, `npm run migrate` and the tests all use this one definition.
 * Persistence is plain SQL (repositories), so there are no entities.
 */
export const casesDatabase: ServiceDataSourceParts = {
  entities: [],
  // In timestamp order, the order they run in.
  migrations: [
    CreateCases1732300000000,
    EventsAndTimeline1732400000000,
    FeesAndHistory1732500000000,
    IdempotencyKeys1732600000000,
    Hearings1732700000000,
    CaseSearchIndexes1732720000000,
    PartyNeeds1732730000000,
    CaseResults1732740000000,
    CaseDocuments1732750000000,
    AssistedDigitalReferrals1732760000000,
    CaseDecisions1732770000000,
    HearingDateIndex1732780000000,
    TimelinePerCase1732790000000,
    TimelineAudience1732800000000,
    ClaimAmount1734200000000,
    OneResultPerDefendant1734200100000,
    StateDeadlines1734300000000,
    PartyIdentities1734300100000,
    StatusReview1734300200000,
    StateUntil1734300300000,
    DocumentLanguage1734300400000,
    AuditTrail1735300000000,
    CaseHistoryAt1735400000000,
    PartyAddress1735450000000,
    PartnerWebhooks1735500000000,
    Correspondence1735500100000,
    WebhookFairness1735500200000,
    LanguageNotStated1735600000000,
    OutboxAppliedAtSource1735700000000,
    ResultsForTheirDefendant1736100000000,
    DocumentsFiledByStaff1736100100000,
    DocumentsSharedWith1736200000000,
  ],
};

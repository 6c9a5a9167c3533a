import { OutboxAppliedAtSource1735700000000 } from '@ccsc/messaging';
import type { ServiceDataSourceParts } from '@ccsc/platform';
import { MessagingAndAccess1733000000000 } from './migrations/1733000000000-messaging-and-access';
import { Ledger1733000100000 } from './migrations/1733000100000-ledger';
import { Fees1733000200000 } from './migrations/1733000200000-fees';
import { ServiceRequests1733000300000 } from './migrations/1733000300000-service-requests';
import { Payments1733000400000 } from './migrations/1733000400000-payments';
import { Refunds1733000500000 } from './migrations/1733000500000-refunds';
import { HelpWithFees1733000600000 } from './migrations/1733000600000-help-with-fees';
import { CaseAccessParties1734000000000 } from './migrations/1734000000000-case-access-parties';
import { FeeWaivers1735000000000 } from './migrations/1735000000000-fee-waivers';
import { HelpWithFeesDecisions1735000100000 } from './migrations/1735000100000-help-with-fees-decisions';
import { ClaimAmounts1735000200000 } from './migrations/1735000200000-claim-amounts';
import { LedgerReading1735000300000 } from './migrations/1735000300000-ledger-reading';
import { SuspenseRefunds1735000400000 } from './migrations/1735000400000-suspense-refunds';
import { FineAccountNumbers1735000500000 } from './migrations/1735000500000-fine-account-numbers';
import { AuditTrail1735300000000 } from './migrations/1735300000000-audit-trail';
import { PaymentSearch1735300100000 } from './migrations/1735300100000-payment-search';
import { ManagementInformation1735400000000 } from './migrations/1735400000000-management-information';
import { HelpWithFeesFirm1735600000000 } from './migrations/1735600000000-help-with-fees-firm';
import { ConsolidatedFineAccountNumbers1735900000000 } from './migrations/1735900000000-consolidated-fine-account-numbers';
import { ApprovedMoneyIndexes1736000000000 } from './migrations/1736000000000-approved-money-indexes';
import { RefundsPaidBackTo1736100200000 } from './migrations/1736100200000-refunds-paid-back-to';
import { CreditLimitProposals1736300000000 } from './migrations/1736300000000-credit-limit-proposals';
import { RefundComplaintCases1736300100000 } from './migrations/1736300100000-refund-complaint-cases';
import { CreditLimitDecisions1736300200000 } from './migrations/1736300200000-credit-limit-decisions';

/**
 * The payments database: the app, `npm run migrate` and the tests all use this one definition.
 * Persistence is plain SQL through the transaction's EntityManager, so there are no entity classes.
 */
export const paymentsDatabase: ServiceDataSourceParts = {
  entities: [],
  migrations: [
    MessagingAndAccess1733000000000,
    Ledger1733000100000,
    Fees1733000200000,
    ServiceRequests1733000300000,
    Payments1733000400000,
    Refunds1733000500000,
    HelpWithFees1733000600000,
    CaseAccessParties1734000000000,
    FeeWaivers1735000000000,
    HelpWithFeesDecisions1735000100000,
    ClaimAmounts1735000200000,
    LedgerReading1735000300000,
    SuspenseRefunds1735000400000,
    FineAccountNumbers1735000500000,
    AuditTrail1735300000000,
    PaymentSearch1735300100000,
    ManagementInformation1735400000000,
    HelpWithFeesFirm1735600000000,
    OutboxAppliedAtSource1735700000000,
    ConsolidatedFineAccountNumbers1735900000000,
    ApprovedMoneyIndexes1736000000000,
    RefundsPaidBackTo1736100200000,
    CreditLimitProposals1736300000000,
    RefundComplaintCases1736300100000,
    CreditLimitDecisions1736300200000,
  ],
};

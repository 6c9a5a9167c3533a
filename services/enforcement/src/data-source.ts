import { OutboxAppliedAtSource1735700000000 } from '@ccsc/messaging';
import type { ServiceDataSourceParts } from '@ccsc/platform';
import { MessagingAndIdempotency1733000000000 } from './migrations/1733000000000-messaging-and-idempotency';
import { FineAccounts1733000100000 } from './migrations/1733000100000-fine-accounts';
import { Enforcement1733000200000 } from './migrations/1733000200000-enforcement';
import { PaymentApplications1733000300000 } from './migrations/1733000300000-payment-applications';
import { ImpositionWriteOffs1733000400000 } from './migrations/1733000400000-imposition-write-offs';
import { SuspenseWorkbench1733000500000 } from './migrations/1733000500000-suspense-workbench';
import { PartyIdentities1733000600000 } from './migrations/1733000600000-party-identities';
import { RegisterFineAccountNumbers1733000700000 } from './migrations/1733000700000-register-fine-account-numbers';
import { AuditTrail1735300000000 } from './migrations/1735300000000-audit-trail';
import { ManagementInformationIndexes1735400000000 } from './migrations/1735400000000-management-information-indexes';
import { ImposingCourt1735600000000 } from './migrations/1735600000000-imposing-court';
import { TermsFreshStart1735900000000 } from './migrations/1735900000000-terms-fresh-start';
import { WarrantLists1736100300000 } from './migrations/1736100300000-warrant-lists';
import { IdentityMatchedBy1736200000000 } from './migrations/1736200000000-identity-matched-by';

/** The enforcement database: plain SQL throughout, so no entities; TypeORM orders migrations by timestamp. */
export const enforcementDatabase: ServiceDataSourceParts = {
  entities: [],
  migrations: [
    MessagingAndIdempotency1733000000000,
    FineAccounts1733000100000,
    Enforcement1733000200000,
    PaymentApplications1733000300000,
    ImpositionWriteOffs1733000400000,
    SuspenseWorkbench1733000500000,
    PartyIdentities1733000600000,
    RegisterFineAccountNumbers1733000700000,
    AuditTrail1735300000000,
    ManagementInformationIndexes1735400000000,
    ImposingCourt1735600000000,
    OutboxAppliedAtSource1735700000000,
    TermsFreshStart1735900000000,
    WarrantLists1736100300000,
    IdentityMatchedBy1736200000000,
  ],
};

import { AuditModule } from '@ccsc/audit';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@ccsc/auth';
import { CaseAccessModule } from '@ccsc/case-access';
import { MessagingModule } from '@ccsc/messaging';
import { IdempotencyModule, PlatformModule, resolversOf } from '@ccsc/platform';
import type { PaymentsConfig } from './config';
import { paymentsDatabase } from './data-source';
import { paymentsGraphQL } from './payments.graphql';
import { AllocationModule } from './allocation/allocation.module';
import { FeeModule } from './fee/fee.module';
import { FeeWaiverModule } from './fee-waiver/fee-waiver.module';
import { HelpWithFeesModule } from './help-with-fees/help-with-fees.module';
import { LedgerModule } from './ledger/ledger.module';
import { PaymentModule } from './payment/payment.module';
import { RefundModule } from './refund/refund.module';
import { SearchModule } from './search/search.module';
import { ServiceRequestModule } from './service-request/service-request.module';
import { PaymentsAuditModule } from './audit/audit.module';
import { ManagementInformationModule } from './management-information/management-information.module';
import { CorrespondenceModule } from './correspondence/correspondence.module';

// Every feature with a controller or resolver but search, in the order of the committed supergraph's fields.
const FEATURES = [
  FeeModule,
  ServiceRequestModule,
  LedgerModule,
  PaymentModule,
  AllocationModule,
  RefundModule,
  FeeWaiverModule,
  HelpWithFeesModule,
];

/**
 * The resolvers of the payments subgraph; the supergraph composer builds the schema from these alone, and
 * lists fields in the order they come here, so search and then management information come last: the
 * fields before them keep their order.
 */
export const paymentsResolvers = resolversOf(
  ...FEATURES,
  PaymentsAuditModule,
  SearchModule,
  ManagementInformationModule,
);

@Module({})
export class PaymentsModule {
  static forRoot(config: PaymentsConfig): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [
        PlatformModule.forRoot({ service: 'payments', graphql: paymentsGraphQL, config, database: paymentsDatabase }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({ service: 'payments', config }),
        IdempotencyModule.forRoot(),
        // The trail first: its `audit-trail` route must come before the features' `:id` routes.
        AuditModule,
        PaymentsAuditModule,
        CaseAccessModule,
        // Search just before PaymentModule: Nest registers controllers in the order it meets their modules,
        // and PaymentController's `GET payments/:id` would otherwise take payments/search. Not ahead of all
        // the features, as in cases: it imports PaymentModule, which would then be met before the features
        // listed ahead of it, and their routes would move in the REST contract.
        ...FEATURES.flatMap((feature) => (feature === PaymentModule ? [SearchModule, feature] : [feature])),
        ManagementInformationModule,
        // No routes: letters decided from payments' own events, asked of cases.
        CorrespondenceModule,
      ],
    };
  }
}

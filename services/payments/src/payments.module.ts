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
import { ServiceRequestModule } from './service-request/service-request.module';
import { PaymentsAuditModule } from './audit/audit.module';

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

/** The resolvers of the payments subgraph; the supergraph composer builds the schema from these alone. */
export const paymentsResolvers = resolversOf(...FEATURES, PaymentsAuditModule);

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
        ...FEATURES,
      ],
    };
  }
}

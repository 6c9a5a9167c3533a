import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@ccsc/auth';
import { CaseAccessModule } from '@ccsc/case-access';
import { MessagingModule } from '@ccsc/messaging';
import { IdempotencyModule, PlatformModule } from '@ccsc/platform';
import type { PaymentsConfig } from './config';
import { paymentsDatabase } from './data-source';
import { paymentsGraphQL } from './payments.graphql';
import { FeeController, FeeResolver } from './fee/api/fee.api';
import { FeeCommands } from './fee/application/fee.commands';
import { FeeRepository } from './fee/infrastructure/fee.repository';
import { ServiceRequestLedger } from './service-request/application/service-request.ledger';
import { ServiceRequestQueries } from './service-request/application/service-request.queries';
import { ServiceRequestRepository } from './service-request/infrastructure/service-request.repository';
import { CaseFeesConsumer } from './service-request/consumers/case-fees.consumer';
import { LedgerRepository } from './ledger/infrastructure/ledger.repository';
import { ReconciliationController } from './ledger/api/reconciliation.api';
import { ReconciliationQueries } from './ledger/infrastructure/reconciliation.queries';
import { CasePaymentsResolver, PaymentController, PaymentResolver } from './payment/api/payment.api';
import { PAYMENT_SETTINGS, PaymentCommands } from './payment/application/payment.commands';
import { PaymentPosting } from './payment/application/payment.posting';
import { PaymentQueries } from './payment/application/payment.queries';
import { CardProvider } from './payment/domain/card-provider.port';
import { PaymentAccountRepository, PaymentRepository } from './payment/infrastructure/payment.repository';
import { SandboxCardProvider } from './payment/infrastructure/sandbox-card-provider';
import { AllocationController } from './allocation/api/allocation.api';
import { AllocationCommands } from './allocation/application/allocation.commands';
import { AllocationRepository } from './allocation/infrastructure/allocation.repository';
import { HelpWithFeesController } from './help-with-fees/api/help-with-fees.api';
import { HelpWithFeesCommands, HWF_SETTINGS } from './help-with-fees/application/help-with-fees.commands';
import { RefundController } from './refund/api/refund.api';
import { RefundCommands } from './refund/application/refund.commands';
import { FinancialRemedyConsumer } from './refund/consumers/financial-remedy.consumer';
import { FeeWaiverController } from './fee-waiver/api/fee-waiver.api';
import { FeeWaiverCommands } from './fee-waiver/application/fee-waiver.commands';

/** The resolvers of the payments subgraph; the supergraph composer builds the schema from these alone. */
export const paymentsResolvers = [FeeResolver, CasePaymentsResolver, PaymentResolver];

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
        CaseAccessModule,
      ],
      controllers: [FeeController, PaymentController, AllocationController, RefundController, FeeWaiverController, HelpWithFeesController, ReconciliationController],
      providers: [
        ...paymentsResolvers,
        { provide: PAYMENT_SETTINGS, useValue: { duplicateWindowMinutes: config.DUPLICATE_PAYMENT_WINDOW_MINUTES } },
        { provide: HWF_SETTINGS, useValue: { evidenceCheckPercent: config.HWF_EVIDENCE_CHECK_PERCENT } },
        // The sandbox is the only provider adapter so far; a real provider's adapter replaces it here.
        { provide: CardProvider, useFactory: () => new SandboxCardProvider(config.CARD_PROVIDER_SECRET) },
        FeeCommands, FeeRepository, ServiceRequestLedger, ServiceRequestQueries, ServiceRequestRepository, CaseFeesConsumer, LedgerRepository, ReconciliationQueries,
        PaymentCommands, PaymentPosting, PaymentQueries, PaymentRepository, PaymentAccountRepository, AllocationCommands, AllocationRepository,
        RefundCommands, FinancialRemedyConsumer, FeeWaiverCommands, HelpWithFeesCommands,
      ],
    };
  }
}

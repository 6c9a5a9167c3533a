import { Module } from '@nestjs/common';
import { CaseAccessModule } from '@ccsc/case-access';
import { SERVICE_CONFIG } from '@ccsc/platform';
import type { PaymentsConfig } from '../config';
import { LedgerModule } from '../ledger/ledger.module';
import { ServiceRequestModule } from '../service-request/service-request.module';
import { PaymentController } from './api/payment.controller';
import { CasePaymentsResolver, PaymentResolver } from './api/payment.resolver';
import { PAYMENT_SETTINGS, PaymentCommands, type PaymentSettings } from './application/payment.commands';
import { PaymentPosting } from './application/payment.posting';
import { PaymentQueries } from './application/payment.queries';
import { CardProvider } from './domain/card-provider.port';
import { AllocationRepository } from './infrastructure/allocation.repository';
import { PaymentAccountRepository } from './infrastructure/payment-account.repository';
import { PaymentRepository } from './infrastructure/payment.repository';
import { SandboxCardProvider } from './infrastructure/sandbox-card-provider';
import { FineAccountNumbers } from './infrastructure/fine-account-numbers.repository';
import { FineAccountNumbersConsumer } from './consumers/fine-account-numbers.consumer';

/**
 * Money coming in (card, payment by account, bulk scanning), firms' accounts, and reversals. A
 * payment's allocations are part of it (changed under its lock), so their repository is here too.
 */
@Module({
  imports: [LedgerModule, ServiceRequestModule, CaseAccessModule],
  controllers: [PaymentController],
  providers: [
    CasePaymentsResolver,
    PaymentResolver,
    PaymentCommands,
    PaymentQueries,
    PaymentPosting,
    PaymentRepository,
    PaymentAccountRepository,
    AllocationRepository,
    FineAccountNumbers,
    FineAccountNumbersConsumer,
    {
      provide: PAYMENT_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: PaymentsConfig): PaymentSettings => ({
        duplicateWindowMinutes: config.DUPLICATE_PAYMENT_WINDOW_MINUTES,
        cardReturnOrigins: config.CARD_RETURN_ORIGINS,
      }),
    },
    // The sandbox is the only provider adapter so far; a real provider's adapter replaces it here.
    {
      provide: CardProvider,
      inject: [SERVICE_CONFIG],
      useFactory: (config: PaymentsConfig) => new SandboxCardProvider(config.CARD_PROVIDER_SECRET),
    },
  ],
  // Approvals count a fine account with those consolidated into it, from the register of numbers.
  exports: [PaymentRepository, PaymentQueries, AllocationRepository, PaymentPosting, FineAccountNumbers],
})
export class PaymentModule {}

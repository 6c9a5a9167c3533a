import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { CaseAccessModule } from '@ccsc/case-access';
import { FeeWaiverModule } from '../fee-waiver/fee-waiver.module';
import { LedgerModule } from '../ledger/ledger.module';
import { PaymentModule } from '../payment/payment.module';
import { ServiceRequestModule } from '../service-request/service-request.module';
import { RefundController } from './api/refund.controller';
import { RefundResolver } from './api/refund.resolver';
import { RefundCommands } from './application/refund.commands';
import { RefundQueries } from './application/refund.queries';
import { FinancialRemedyConsumer } from './consumers/financial-remedy.consumer';
import { ReversedPaymentConsumer } from './consumers/reversed-payment.consumer';
import { SuspenseRefundConsumer } from './consumers/suspense-refund.consumer';
import { RefundRepository } from './infrastructure/refund.repository';

/**
 * Refunds, complaints' remedy payments and refunds of enforcement's suspense, approved by a second
 * person; a remedy's fee waiver is raised from here too, as it comes with the same event.
 */
@Module({
  imports: [LedgerModule, ServiceRequestModule, PaymentModule, FeeWaiverModule, CaseAccessModule, ApprovalModule],
  controllers: [RefundController],
  providers: [
    RefundResolver,
    RefundCommands,
    RefundQueries,
    RefundRepository,
    FinancialRemedyConsumer,
    SuspenseRefundConsumer,
    ReversedPaymentConsumer,
  ],
})
export class RefundModule {}

import { Module } from '@nestjs/common';
import { CaseAccessModule } from '@ccsc/case-access';
import { PaymentModule } from '../payment/payment.module';
import { ServiceRequestModule } from '../service-request/service-request.module';
import { AllocationController } from './api/allocation.controller';
import { AllocationResolver } from './api/allocation.resolver';
import { AllocationCommands } from './application/allocation.commands';
import { AllocationQueries } from './application/allocation.queries';
import { RefundRepository } from '../refund/infrastructure/refund.repository';

/** Officers placing money that came without (or with the wrong) destination: one allocates, a second verifies. */
@Module({
  imports: [PaymentModule, ServiceRequestModule, CaseAccessModule],
  controllers: [AllocationController],
  // The refunds' holds on a case's or a payment's money, which a transfer must leave where they are.
  providers: [AllocationResolver, AllocationCommands, AllocationQueries, RefundRepository],
})
export class AllocationModule {}

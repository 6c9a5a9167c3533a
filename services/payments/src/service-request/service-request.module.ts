import { Module } from '@nestjs/common';
import { CaseAccessModule } from '@ccsc/case-access';
import { FeeModule } from '../fee/fee.module';
import { LedgerModule } from '../ledger/ledger.module';
import { ServiceRequestCommands } from './application/service-request.commands';
import { ServiceRequestQueries } from './application/service-request.queries';
import { CaseFeesConsumer } from './consumers/case-fees.consumer';
import { ServiceRequestRepository } from './infrastructure/service-request.repository';

/**
 * A case's fees and what is owed on them. Its REST route lives with the payments API (the same
 * `/cases/:caseId/service-request` path the payments are made on); other features change the
 * balance through `ServiceRequestCommands`, inside their own unit of work.
 */
@Module({
  imports: [FeeModule, LedgerModule, CaseAccessModule],
  providers: [ServiceRequestCommands, ServiceRequestQueries, ServiceRequestRepository, CaseFeesConsumer],
  exports: [ServiceRequestCommands, ServiceRequestQueries, ServiceRequestRepository],
})
export class ServiceRequestModule {}

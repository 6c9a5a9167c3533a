import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { ServiceRequestModule } from '../service-request/service-request.module';
import { FeeWaiverController } from './api/fee-waiver.controller';
import { FeeWaiverResolver } from './api/fee-waiver.resolver';
import { FeeWaiverCommands } from './application/fee-waiver.commands';
import { FeeWaiverQueries } from './application/fee-waiver.queries';
import { FeeWaiverRepository } from './infrastructure/fee-waiver.repository';

/** Fees waived as complaints' remedies, remitted once a second person approves. */
@Module({
  imports: [ServiceRequestModule, ApprovalModule],
  controllers: [FeeWaiverController],
  providers: [FeeWaiverResolver, FeeWaiverCommands, FeeWaiverQueries, FeeWaiverRepository],
  exports: [FeeWaiverCommands],
})
export class FeeWaiverModule {}

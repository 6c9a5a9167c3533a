import { Module } from '@nestjs/common';
import { EnquiryModule } from '../enquiry/enquiry.module';
import { WorkModule } from '../work/work.module';
import { AllocationController } from './api/allocation.controller';
import { AllocationResolver } from './api/allocation.resolver';
import { AllocationCommands } from './application/allocation.commands';

/** Work allocation: queues, claim, assign, next task, workload, escalation (its data lives in the enquiries tables). */
@Module({
  imports: [EnquiryModule, WorkModule],
  controllers: [AllocationController],
  providers: [AllocationResolver, AllocationCommands],
})
export class AllocationModule {}

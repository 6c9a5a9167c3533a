import { Module } from '@nestjs/common';
import { EnquiryModule } from '../enquiry/enquiry.module';
import { WorkModule } from '../work/work.module';
import { AllocationController } from './api/allocation.controller';
import { AllocationResolver } from './api/allocation.resolver';
import { AllocationCommands } from './application/allocation.commands';
import { EnquiryTaskSource } from './application/enquiry-task-source';

/**
 * Work allocation of enquiries: queues, claim, assign, next task, workload, escalation (its data lives in
 * the enquiries tables), and the work queue's commands on enquiries' tasks (EnquiryTaskSource).
 */
@Module({
  imports: [EnquiryModule, WorkModule],
  controllers: [AllocationController],
  providers: [AllocationResolver, AllocationCommands, EnquiryTaskSource],
})
export class AllocationModule {}

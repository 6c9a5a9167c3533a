import { forwardRef, Module } from '@nestjs/common';
import { EnquiryModule } from '../enquiry/enquiry.module';
import { TriageController } from './api/triage.controller';
import { TriageResolver } from './api/triage.resolver';
import { TriageCommands } from './application/triage.commands';
import { TriageQueries } from './application/triage.queries';
import { TriageRepository } from './infrastructure/triage.repository';

/**
 * Triage rules kept by team leaders and the officers' triage decisions. Enquiries and triage need
 * each other (a new enquiry is triaged by the rules; a decision changes the enquiry), hence forwardRef.
 */
@Module({
  imports: [forwardRef(() => EnquiryModule)],
  controllers: [TriageController],
  providers: [TriageResolver, TriageRepository, TriageCommands, TriageQueries],
  exports: [TriageRepository],
})
export class TriageModule {}

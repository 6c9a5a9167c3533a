import { forwardRef, Module } from '@nestjs/common';
import { CaseAccessModule } from '@ccsc/case-access';
import { SlaModule } from '../sla/sla.module';
import { TriageModule } from '../triage/triage.module';
import { WorkModule } from '../work/work.module';
import { EnquiryController } from './api/enquiry.controller';
import { CaseEnquiriesResolver, EnquiryResolver } from './api/enquiry.resolver';
import { EnquiryChanges } from './application/enquiry-changes';
import { EnquiryCommands } from './application/enquiry.commands';
import { EnquiryQueries } from './application/enquiry.queries';
import { EnquiryRepository } from './infrastructure/enquiry.repository';

/**
 * Enquiries from every channel, their threads and history, and Case.enquiries. The other features
 * of the service build on the enquiry: they change it through EnquiryChanges and read it through
 * EnquiryQueries, whose access rule they so share.
 */
@Module({
  // CaseAccessModule: the projection of cases' access events, which links to cases are checked against;
  // WorkModule: each open enquiry's task in the one work queue, kept with the enquiry.
  imports: [CaseAccessModule, SlaModule, WorkModule, forwardRef(() => TriageModule)],
  controllers: [EnquiryController],
  providers: [
    EnquiryResolver,
    CaseEnquiriesResolver,
    EnquiryRepository,
    EnquiryChanges,
    EnquiryCommands,
    EnquiryQueries,
  ],
  exports: [EnquiryRepository, EnquiryChanges, EnquiryQueries],
})
export class EnquiryModule {}

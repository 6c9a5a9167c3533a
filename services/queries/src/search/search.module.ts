import { Module } from '@nestjs/common';
import { CaseAccessModule } from '@ccsc/case-access';
import { EnquiryModule } from '../enquiry/enquiry.module';
import { EnquirySearchController } from './api/enquiry-search.controller';
import { EnquirySearchResolver } from './api/enquiry-search.resolver';
import { EnquirySearch } from './application/enquiry-search.queries';
import { EnquirySearchRepository } from './infrastructure/enquiry-search.repository';

/**
 * Enquiry search. queries.module.ts imports this module before EnquiryModule, so Nest registers its
 * controller first: `GET enquiries/:id` would otherwise take /enquiries/search.
 */
@Module({
  imports: [EnquiryModule, CaseAccessModule],
  controllers: [EnquirySearchController],
  providers: [EnquirySearchResolver, EnquirySearch, EnquirySearchRepository],
})
export class SearchModule {}

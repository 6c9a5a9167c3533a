import { Module } from '@nestjs/common';
import { ReportingResolver } from './api/reporting.resolver';
import { ReportingQueries } from './application/reporting.queries';
import { EnquiryFiguresRepository } from './infrastructure/enquiry-figures.repository';

/** Management information over the enquiries tables. */
@Module({
  providers: [ReportingResolver, ReportingQueries, EnquiryFiguresRepository],
})
export class ReportingModule {}

import { Module } from '@nestjs/common';
import { managementInformationSurface } from '@ccsc/management-information';
import { queriesGraphQL } from '../queries.graphql';
import { MiEnquiriesModel } from './api/enquiries-figures.model';
import { EnquiriesMiQueries } from './application/enquiries-mi.queries';
import { EnquiriesFiguresRepository } from './infrastructure/enquiries-figures.repository';

const surface = managementInformationSurface(queriesGraphQL, {
  service: 'queries',
  section: 'enquiries',
  type: MiEnquiriesModel,
  description:
    'Enquiries received and answered in the period, how many of those answered met their SLA and were resolved at first contact, by channel.',
  source: EnquiriesMiQueries,
});

/**
 * The enquiries section of the management information (libs/management-information): its field on the
 * federated `ManagementInformation`, its CSV export and its month-to-date metrics.
 */
@Module({
  controllers: surface.controllers,
  providers: [...surface.resolvers, ...surface.providers, EnquiriesMiQueries, EnquiriesFiguresRepository],
})
export class ManagementInformationModule {}

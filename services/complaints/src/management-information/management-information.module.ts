import { Module } from '@nestjs/common';
import { managementInformationSurface } from '@ccsc/management-information';
import { complaintsGraphQL } from '../complaints.graphql';
import { MiCasesIssuedModel, MiComplaintsModel } from './api/complaints-figures.model';
import { MiComplaintsQueries } from './application/complaints-mi.queries';
import { MiComplaintsRepository } from './infrastructure/complaints-figures.repository';

const surface = managementInformationSurface(complaintsGraphQL, {
  service: 'complaints',
  section: 'complaints',
  type: MiComplaintsModel,
  description:
    'Complaints received, answered on time, closed and upheld in the period, by business area and root cause, and per thousand cases issued.',
  source: MiComplaintsQueries,
  // Complaints per thousand cases: the cases issued are counted by the cases service, not copied here.
  requires: { fields: 'cases { issued }', externals: [{ field: 'cases', type: () => MiCasesIssuedModel }] },
});

/**
 * The complaints section of the management information (libs/management-information): its field on the
 * federated `ManagementInformation`, its CSV export and its month-to-date metrics.
 */
@Module({
  controllers: surface.controllers,
  providers: [...surface.resolvers, ...surface.providers, MiComplaintsQueries, MiComplaintsRepository],
})
export class ManagementInformationModule {}

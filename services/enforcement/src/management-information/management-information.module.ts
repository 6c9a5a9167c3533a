import { Module } from '@nestjs/common';
import { managementInformationSurface } from '@ccsc/management-information';
import { enforcementGraphQL } from '../enforcement.graphql';
import { MiFinesModel } from './api/fines-figures.model';
import { FinesMiQueries } from './application/fines-mi.queries';
import { FinesFiguresRepository } from './infrastructure/fines-figures.repository';

const surface = managementInformationSurface(enforcementGraphQL, {
  service: 'enforcement',
  section: 'fines',
  type: MiFinesModel,
  description:
    "Fines in the period: accounts opened, imposed, collected (net of payments taken back) and written off (approved), with the period's flow ratio of collected to imposed, by business unit and by bucket.",
  source: FinesMiQueries,
});

/**
 * The enforcement part of the management information (libs/management-information): its `fines` section
 * of the federated `ManagementInformation`, its CSV export and its month-to-date gauges.
 */
@Module({
  providers: [...surface.resolvers, ...surface.providers, FinesMiQueries, FinesFiguresRepository],
  controllers: surface.controllers,
})
export class EnforcementManagementInformationModule {}

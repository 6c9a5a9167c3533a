import { Module } from '@nestjs/common';
import { managementInformationSurface } from '@ccsc/management-information';
import { casesGraphQL } from '../cases.graphql';
import { MiCasesModel } from './api/cases-figures.model';
import { CasesMiQueries } from './application/cases-mi.queries';
import { CasesFiguresRepository } from './infrastructure/cases-figures.repository';

// The root `managementInformation(from, to, granularity)` is this subgraph's: it names the question every section answers.
const surface = managementInformationSurface(casesGraphQL, {
  service: 'cases',
  section: 'cases',
  type: MiCasesModel,
  description:
    'Cases issued, progressed and closed in the period, and the median days from creation to issue, from the cases’ own history.',
  source: CasesMiQueries,
  root: true,
});

/**
 * The cases section of the management information (libs/management-information): its field on the
 * federated `ManagementInformation`, the root query, its CSV export and its month-to-date gauges.
 */
@Module({
  providers: [...surface.resolvers, ...surface.providers, CasesMiQueries, CasesFiguresRepository],
  controllers: surface.controllers,
})
export class CasesManagementInformationModule {}

import { Module } from '@nestjs/common';
import { managementInformationSurface } from '@ccsc/management-information';
import { paymentsGraphQL } from '../payments.graphql';
import { MiFeesModel } from './api/fees-figures.model';
import { FeesMiQueries } from './application/fees-mi.queries';
import { FeesFiguresRepository } from './infrastructure/fees-figures.repository';

const surface = managementInformationSurface(paymentsGraphQL, {
  service: 'payments',
  section: 'fees',
  type: MiFeesModel,
  description:
    'Fees charged, remitted, money collected by payments (by method) and refunds paid out in the period, from the ledger and the refunds register.',
  source: FeesMiQueries,
});

/**
 * The fees section of the management information (libs/management-information): its field on the
 * federated `ManagementInformation`, its CSV export and its month-to-date metrics.
 */
@Module({
  controllers: surface.controllers,
  providers: [...surface.resolvers, ...surface.providers, FeesMiQueries, FeesFiguresRepository],
})
export class ManagementInformationModule {}

import { AuditModule } from '@ccsc/audit';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@ccsc/auth';
import { MessagingModule } from '@ccsc/messaging';
import { IdempotencyModule, PlatformModule, resolversOf } from '@ccsc/platform';
import type { ComplaintsConfig } from './config';
import { complaintsDatabase } from './data-source';
import { complaintsGraphQL } from './complaints.graphql';
import { ComplaintModule } from './complaint/complaint.module';
import { MiModule } from './mi/mi.module';
import { SlaModule } from './sla/sla.module';
import { ComplaintsAuditModule } from './audit/audit.module';
import { SearchModule } from './search/search.module';
import { ManagementInformationModule } from './management-information/management-information.module';
import { CorrespondenceModule } from './correspondence/correspondence.module';

/**
 * The resolvers of the complaints subgraph; the supergraph composer builds the schema from these alone, and
 * lists fields in the order they come here, so search comes last and leaves the fields before it where they were.
 */
export const complaintsResolvers = resolversOf(
  ComplaintModule,
  SlaModule,
  MiModule,
  ComplaintsAuditModule,
  SearchModule,
  ManagementInformationModule,
  CorrespondenceModule,
);

@Module({})
export class ComplaintsModule {
  static forRoot(config: ComplaintsConfig): DynamicModule {
    return {
      module: ComplaintsModule,
      imports: [
        PlatformModule.forRoot({
          service: 'complaints',
          graphql: complaintsGraphQL,
          config,
          database: complaintsDatabase,
        }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({ service: 'complaints', config }),
        IdempotencyModule.forRoot(),
        // The trail first: its `audit-trail` route must come before the features' `:id` routes.
        AuditModule,
        ComplaintsAuditModule,
        // SLA and the figures (MI, management information) before complaints: Nest matches routes in the order
        // modules register them, and the complaint's `:id/...` routes would otherwise take `mi/:period`
        // (`mi/timeline`, for one) and `management-information`.
        SlaModule,
        MiModule,
        ManagementInformationModule,
        // Search just before complaints, for the same reason: ComplaintController's `GET :id` would otherwise
        // take /search. Not before SLA and MI: it imports ComplaintModule, which Nest registers along with it.
        SearchModule,
        // Before complaints too: ComplaintController's `:id` routes would otherwise take
        // `correspondence/delivery-receipts`.
        CorrespondenceModule,
        ComplaintModule,
      ],
    };
  }
}

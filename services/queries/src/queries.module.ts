import { AuditModule } from '@ccsc/audit';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom, CONNECTION_AUTHENTICATOR } from '@ccsc/auth';
import { MessagingModule } from '@ccsc/messaging';
import { IdempotencyModule, PlatformModule, resolversOf } from '@ccsc/platform';
import type { QueriesConfig } from './config';
import { queriesDatabase } from './data-source';
import { queriesGraphQL } from './queries.graphql';
import { EnquiryModule } from './enquiry/enquiry.module';
import { AllocationModule } from './allocation/allocation.module';
import { TriageModule } from './triage/triage.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { SlaModule } from './sla/sla.module';
import { ReportingModule } from './reporting/reporting.module';
import { WorkModule } from './work/work.module';
import { QueriesAuditModule } from './audit/audit.module';
import { SearchModule } from './search/search.module';
import { ManagementInformationModule } from './management-information/management-information.module';
import { CorrespondenceModule } from './correspondence/correspondence.module';

const FEATURES = [
  EnquiryModule,
  AllocationModule,
  TriageModule,
  KnowledgeModule,
  SlaModule,
  ReportingModule,
  WorkModule,
];

/** The resolvers of the queries subgraph; the supergraph composer builds the schema from these alone. */
export const queriesResolvers = resolversOf(
  ...FEATURES,
  QueriesAuditModule,
  SearchModule,
  ManagementInformationModule,
  CorrespondenceModule,
);

@Module({})
export class QueriesModule {
  static forRoot(config: QueriesConfig): DynamicModule {
    return {
      module: QueriesModule,
      imports: [
        PlatformModule.forRoot({
          service: 'queries',
          graphql: queriesGraphQL,
          config,
          database: queriesDatabase,
          // Subscriptions over graphql-ws at /graphql, each connection authenticated by its token.
          subscriptions: { authenticator: CONNECTION_AUTHENTICATOR },
        }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({ service: 'queries', config }),
        IdempotencyModule.forRoot(),
        // The trail first: its `audit-trail` route must come before the features' `:id` routes.
        AuditModule,
        QueriesAuditModule,
        // Search before the features: EnquiryController's `enquiries/:id` would otherwise take /enquiries/search.
        SearchModule,
        ...FEATURES,
        ManagementInformationModule,
        CorrespondenceModule,
      ],
    };
  }
}

import { AuditModule } from '@ccsc/audit';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom, CONNECTION_AUTHENTICATOR } from '@ccsc/auth';
import { IdempotencyModule, PlatformModule, resolversOf } from '@ccsc/platform';
import { MessagingModule } from '@ccsc/messaging';
import type { CasesConfig } from './config';
import { casesDatabase } from './data-source';
import { casesGraphQL } from './cases.graphql';
import { CaseTypeModule } from './case-type/case-type.module';
import { SearchModule } from './search/search.module';
import { CaseModule } from './case/case.module';
import { PartyModule } from './party/party.module';
import { ResultModule } from './result/result.module';
import { DocumentModule } from './document/document.module';
import { AssistedDigitalModule } from './assisted-digital/assisted-digital.module';
import { HearingModule } from './hearing/hearing.module';
import { DecisionModule } from './decision/decision.module';
import { TimelineModule } from './timeline/timeline.module';
import { DeadlineModule } from './deadline/deadline.module';
import { IdentityModule } from './identity/identity.module';
import { StatusReviewModule } from './status-review/status-review.module';
import { CasesAuditModule } from './audit/audit.module';
import { CasesManagementInformationModule } from './management-information/management-information.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { CorrespondenceModule } from './correspondence/correspondence.module';

// Every feature with a controller or resolver but search, in the order of the committed supergraph's fields.
const FEATURES = [
  CaseModule,
  PartyModule,
  ResultModule,
  DocumentModule,
  AssistedDigitalModule,
  HearingModule,
  DecisionModule,
  DeadlineModule,
  IdentityModule,
  StatusReviewModule,
];

/**
 * The resolvers of the cases subgraph; the supergraph composer builds the schema from these alone, and
 * lists fields in the order they come here, so this order is part of the committed supergraph.
 */
export const casesResolvers = resolversOf(
  ...FEATURES,
  SearchModule,
  CasesAuditModule,
  CasesManagementInformationModule,
  CorrespondenceModule,
);

@Module({})
export class CasesModule {
  static forRoot(config: CasesConfig): DynamicModule {
    return {
      module: CasesModule,
      imports: [
        CaseTypeModule.checked(),
        PlatformModule.forRoot({
          service: 'cases',
          graphql: casesGraphQL,
          config,
          database: casesDatabase,
          // Subscriptions over graphql-ws at /graphql, each connection authenticated by its token.
          subscriptions: { authenticator: CONNECTION_AUTHENTICATOR },
        }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({ service: 'cases', config }),
        IdempotencyModule.forRoot(),
        // The trail first: its `audit-trail` route must come before the features' `:id` routes.
        AuditModule,
        CasesAuditModule,
        // Likewise `management-information`, which `GET :idOrReference` would otherwise take.
        CasesManagementInformationModule,
        // Search first: Nest registers controllers in the order it meets their modules, and
        // CaseController's `GET :idOrReference` would otherwise take /search.
        SearchModule,
        // REST only (no resolvers, so not in FEATURES); before the case routes for the same reason.
        WebhooksModule,
        // REST only as well; `correspondence/...` routes before CaseController's `:id/...` ones.
        CorrespondenceModule,
        ...FEATURES,
        TimelineModule,
      ],
    };
  }
}

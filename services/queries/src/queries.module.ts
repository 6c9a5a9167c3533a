import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@ccsc/auth';
import { CaseAccessModule } from '@ccsc/case-access';
import { MessagingModule } from '@ccsc/messaging';
import { IdempotencyModule, PlatformModule } from '@ccsc/platform';
import type { QueriesConfig } from './config';
import { queriesDatabase } from './data-source';
import { queriesGraphQL } from './queries.graphql';
import { enquiryControllers, enquiryProviders, enquiryResolvers } from './enquiry/enquiry.parts';
import { allocationProviders, allocationResolvers } from './allocation/allocation.parts';
import { triageProviders, triageResolvers } from './triage/triage.parts';
import { knowledgeProviders, knowledgeResolvers } from './knowledge/knowledge.parts';
import { slaControllers, slaProviders, slaResolvers } from './sla/sla.parts';
import { reportingProviders, reportingResolvers } from './reporting/reporting.parts';

/** The resolvers of the queries subgraph; the supergraph composer builds the schema from these alone. */
export const queriesResolvers = [...enquiryResolvers, ...allocationResolvers, ...triageResolvers, ...knowledgeResolvers, ...slaResolvers, ...reportingResolvers];

@Module({})
export class QueriesModule {
  static forRoot(config: QueriesConfig): DynamicModule {
    return {
      module: QueriesModule,
      imports: [
        PlatformModule.forRoot({ service: 'queries', graphql: queriesGraphQL, config, database: queriesDatabase }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({ service: 'queries', config }),
        IdempotencyModule.forRoot(),
        // The projection of cases' access events: links to cases are checked against it.
        CaseAccessModule,
      ],
      controllers: [...enquiryControllers, ...slaControllers],
      providers: [
        ...queriesResolvers,
        ...enquiryProviders,
        ...allocationProviders,
        ...triageProviders,
        ...knowledgeProviders,
        ...slaProviders,
        ...reportingProviders,
      ],
    };
  }
}

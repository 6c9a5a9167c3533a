import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@ccsc/auth';
import { IdempotencyModule, PlatformModule } from '@ccsc/platform';
import { MessagingModule } from '@ccsc/messaging';
import type { CasesConfig } from './config';
import { TimelineQueries } from './timeline/infrastructure/timeline.queries';
import { TimelineConsumer } from './timeline/consumers/timeline.consumer';
import { FeesConsumer } from './case/consumers/fees.consumer';
import { assertValidCaseTypes } from './case-type/domain/case-type.validation';
import { CASE_TYPES } from './case-type/case-types';
import { hearingControllers, hearingProviders, hearingResolvers } from './hearing/hearing.parts';
import { decisionControllers, decisionProviders, decisionResolvers } from './decision/decision.parts';
import { searchControllers, searchProviders, searchResolvers } from './search/search.parts';
import { casesDatabase } from './data-source';
import { casesGraphQL } from './cases.graphql';
import { CaseCommands } from './case/application/case.commands';
import { CaseQueries } from './case/application/case.queries';
import { CaseRepository } from './case/infrastructure/case.repository';
import { CaseResolver } from './case/api/case.resolver';
import { CaseController } from './case/api/case.controller';
import { PartyResolver } from './party/api/party.resolver';
import { PartyController } from './party/api/party.controller';
import { PartyCommands } from './party/application/party.commands';
import { resultControllers, resultResolvers } from './result/result.parts';
import { ResultCommands } from './result/application/result.commands';
import { documentControllers, documentProviders, documentResolvers } from './document/document.parts';
import { referralControllers, referralProviders, referralResolvers } from './assisted-digital/assisted-digital.parts';

/** The resolvers of the cases subgraph; the supergraph composer builds the schema from these alone. */
export const casesResolvers = [CaseResolver, PartyResolver, ...resultResolvers, ...documentResolvers, ...referralResolvers, ...hearingResolvers, ...decisionResolvers, ...searchResolvers];

@Module({})
export class CasesModule {
  static forRoot(config: CasesConfig): DynamicModule {
    // Case types are data: a bad definition stops the service here, with every problem named.
    assertValidCaseTypes(CASE_TYPES);
    return {
      module: CasesModule,
      imports: [
        PlatformModule.forRoot({ service: 'cases', graphql: casesGraphQL, config, database: casesDatabase }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({ service: 'cases', config }),
        IdempotencyModule.forRoot(),
      ],
      // Search first: CaseController's `GET :idOrReference` would otherwise take /search.
      controllers: [...searchControllers, CaseController, PartyController, ...resultControllers, ...documentControllers, ...referralControllers, ...hearingControllers, ...decisionControllers],
      providers: [...casesResolvers, CaseCommands, CaseQueries, CaseRepository, TimelineQueries, TimelineConsumer, FeesConsumer, PartyCommands, ResultCommands, ...documentProviders, ...referralProviders, ...hearingProviders, ...decisionProviders, ...searchProviders],
    };
  }
}

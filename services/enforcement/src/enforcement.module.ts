import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@ccsc/auth';
import { IdempotencyModule, PlatformModule, scheduledRun } from '@ccsc/platform';
import { MessagingModule } from '@ccsc/messaging';
import type { EnforcementConfig } from './config';
import { enforcementDatabase } from './data-source';
import { enforcementGraphQL } from './enforcement.graphql';
import { CaseFineAccountsResolver, FineAccountResolver } from './account/api/account.resolver';
import { EnforcementController } from './account/api/account.controller';
import { AccountQueries } from './account/application/account.queries';
import { AccountEventsConsumer } from './account/consumers/account-events.consumer';
import { TermsCommands } from './terms/application/terms.commands';
import { ActionCommands } from './action/application/action.commands';
import { WriteOffCommands } from './write-off/application/write-off.commands';
import { WarrantCommands } from './warrant/application/warrant.commands';
import { DefaultRun } from './default-run/application/default-run';
import { assertValidPaths, ENFORCEMENT_PATHS } from './default-run/domain/enforcement-paths';
import { MiQueries } from './mi/application/mi.queries';
import { Consolidation } from './account/application/consolidation';

/** The resolvers of the enforcement subgraph; the supergraph composer builds the schema from these alone. */
export const enforcementResolvers = [FineAccountResolver, CaseFineAccountsResolver];

@Module({})
export class EnforcementModule {
  static forRoot(config: EnforcementConfig): DynamicModule {
    // Enforcement paths are data: a path that breaks the action rules stops the service here.
    assertValidPaths(ENFORCEMENT_PATHS);
    return {
      module: EnforcementModule,
      imports: [
        PlatformModule.forRoot({ service: 'enforcement', graphql: enforcementGraphQL, config, database: enforcementDatabase }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({ service: 'enforcement', config }),
        IdempotencyModule.forRoot(),
      ],
      controllers: [EnforcementController],
      providers: [
        ...enforcementResolvers,
        AccountQueries, AccountEventsConsumer, TermsCommands, ActionCommands, WriteOffCommands, WarrantCommands, DefaultRun, MiQueries, Consolidation,
        scheduledRun('Default run', DefaultRun, (settings: EnforcementConfig) => settings.DEFAULT_RUN_INTERVAL_MS),
      ],
    };
  }
}

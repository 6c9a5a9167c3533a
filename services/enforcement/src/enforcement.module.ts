import { AuditModule } from '@ccsc/audit';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@ccsc/auth';
import { IdempotencyModule, PlatformModule, resolversOf } from '@ccsc/platform';
import { MessagingModule } from '@ccsc/messaging';
import type { EnforcementConfig } from './config';
import { enforcementDatabase } from './data-source';
import { enforcementGraphQL } from './enforcement.graphql';
import { AccountModule } from './account/account.module';
import { ActionModule } from './action/action.module';
import { TermsModule } from './terms/terms.module';
import { WriteOffModule } from './write-off/write-off.module';
import { WarrantModule } from './warrant/warrant.module';
import { DefaultRunModule } from './default-run/default-run.module';
import { MiModule } from './mi/mi.module';
import { SuspenseModule } from './suspense/suspense.module';
import { assertValidPaths, ENFORCEMENT_PATHS } from './default-run/domain/enforcement-paths';
import { EnforcementAuditModule } from './audit/audit.module';
import { EnforcementManagementInformationModule } from './management-information/management-information.module';
import { CorrespondenceModule } from './correspondence/correspondence.module';

// The subgraph lists the fields of a type in the order of its resolvers here (account, action, terms,
// write-off), so this order is part of the schema.
const FEATURES = [
  AccountModule,
  ActionModule,
  TermsModule,
  WriteOffModule,
  WarrantModule,
  DefaultRunModule,
  MiModule,
  SuspenseModule,
];

/** The resolvers of the enforcement subgraph; the supergraph composer builds the schema from these alone. */
export const enforcementResolvers = resolversOf(
  ...FEATURES,
  EnforcementAuditModule,
  EnforcementManagementInformationModule,
);

@Module({})
export class EnforcementModule {
  static forRoot(config: EnforcementConfig): DynamicModule {
    // Enforcement paths are data: a path that breaks the action rules stops the service here.
    assertValidPaths(ENFORCEMENT_PATHS);
    return {
      module: EnforcementModule,
      imports: [
        PlatformModule.forRoot({
          service: 'enforcement',
          graphql: enforcementGraphQL,
          config,
          database: enforcementDatabase,
        }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({ service: 'enforcement', config }),
        IdempotencyModule.forRoot(),
        // The trail first: its `audit-trail` route must come before the features' `:id` routes.
        AuditModule,
        EnforcementAuditModule,
        ...FEATURES,
        EnforcementManagementInformationModule,
        // No resolvers: it turns enforcement's own events into requests to cases for notices.
        CorrespondenceModule,
      ],
    };
  }
}

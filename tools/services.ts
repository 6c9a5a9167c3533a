import type { INestApplication, Provider } from '@nestjs/common';
import type { ServiceName } from '@ccsc/contracts';
import type { GraphQLScope, ServiceConfig, ServiceDataSourceParts } from '@ccsc/platform';
import { casesResolvers } from '../services/cases/src/cases.module';
import { casesGraphQL } from '../services/cases/src/cases.graphql';
import { casesDatabase } from '../services/cases/src/data-source';
import { casesApp } from '../services/cases/src/cases.app';
import { readCasesConfig } from '../services/cases/src/config';
import { paymentsResolvers } from '../services/payments/src/payments.module';
import { paymentsGraphQL } from '../services/payments/src/payments.graphql';
import { paymentsDatabase } from '../services/payments/src/data-source';
import { paymentsApp } from '../services/payments/src/payments.app';
import { readPaymentsConfig } from '../services/payments/src/config';
import { queriesResolvers } from '../services/queries/src/queries.module';
import { queriesGraphQL } from '../services/queries/src/queries.graphql';
import { queriesDatabase } from '../services/queries/src/data-source';
import { queriesApp } from '../services/queries/src/queries.app';
import { readQueriesConfig } from '../services/queries/src/config';
import { complaintsResolvers } from '../services/complaints/src/complaints.module';
import { complaintsGraphQL } from '../services/complaints/src/complaints.graphql';
import { complaintsDatabase } from '../services/complaints/src/data-source';
import { complaintsApp } from '../services/complaints/src/complaints.app';
import { readComplaintsConfig } from '../services/complaints/src/config';
import { enforcementResolvers } from '../services/enforcement/src/enforcement.module';
import { enforcementGraphQL } from '../services/enforcement/src/enforcement.graphql';
import { enforcementDatabase } from '../services/enforcement/src/data-source';
import { enforcementApp } from '../services/enforcement/src/enforcement.app';
import { readEnforcementConfig } from '../services/enforcement/src/config';

export interface ServiceEntry {
  /** Resolvers of its GraphQL subgraph, from which the supergraph is composed. */
  resolvers: Provider[];
  /** Its GraphQL scope: the module its schema's types and resolvers belong to. */
  graphql: GraphQLScope;
  database: ServiceDataSourceParts;
  readConfig(source: Record<string, string | undefined>): ServiceConfig;
  app(config: ServiceConfig): Promise<INestApplication>;
}

/** The services that exist so far; the tools (compose, migrate, start) work from this list. */
export const SERVICE_ENTRIES: Partial<Record<ServiceName, ServiceEntry>> = {
  cases: {
    resolvers: casesResolvers,
    graphql: casesGraphQL,
    database: casesDatabase,
    readConfig: readCasesConfig,
    app: casesApp,
  },
  payments: {
    resolvers: paymentsResolvers,
    graphql: paymentsGraphQL,
    database: paymentsDatabase,
    readConfig: readPaymentsConfig,
    app: paymentsApp,
  },
  queries: {
    resolvers: queriesResolvers,
    graphql: queriesGraphQL,
    database: queriesDatabase,
    readConfig: readQueriesConfig,
    app: queriesApp,
  },
  complaints: {
    resolvers: complaintsResolvers,
    graphql: complaintsGraphQL,
    database: complaintsDatabase,
    readConfig: readComplaintsConfig,
    app: complaintsApp,
  },
  enforcement: {
    resolvers: enforcementResolvers,
    graphql: enforcementGraphQL,
    database: enforcementDatabase,
    readConfig: readEnforcementConfig,
    app: enforcementApp,
  },
};

export const serviceEntries = () => Object.entries(SERVICE_ENTRIES) as [ServiceName, ServiceEntry][];

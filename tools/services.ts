import type { INestApplication, Provider } from '@nestjs/common';
import type { ServiceName } from '@ccsc/contracts';
import type { ServiceConfig, ServiceDataSourceParts } from '@ccsc/platform';
import { casesResolvers } from '../services/cases/src/cases.module';
import { casesDatabase } from '../services/cases/src/data-source';
import { casesApp } from '../services/cases/src/cases.app';
import { readCasesConfig } from '../services/cases/src/config';

export interface ServiceEntry {
  /** Resolvers of its GraphQL subgraph, from which the supergraph is composed. */
  resolvers: Provider[];
  database: ServiceDataSourceParts;
  readConfig(source: Record<string, string | undefined>): ServiceConfig;
  app(config: ServiceConfig): Promise<INestApplication>;
}

/** The services that exist so far; the tools (compose, migrate, start) work from this list. */
export const SERVICE_ENTRIES: Partial<Record<ServiceName, ServiceEntry>> = {
  cases: { resolvers: casesResolvers, database: casesDatabase, readConfig: readCasesConfig, app: casesApp },
};

export const serviceEntries = () => Object.entries(SERVICE_ENTRIES) as [ServiceName, ServiceEntry][];

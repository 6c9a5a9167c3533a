import type { Provider } from '@nestjs/common';
import type { ServiceName } from '@ccsc/contracts';
import { casesResolvers } from '../services/cases/src/cases.module';

/** The services that serve a GraphQL subgraph, with the resolvers their schema is built from. */
export const SUBGRAPH_RESOLVERS: Partial<Record<ServiceName, Provider[]>> = {
  cases: casesResolvers,
};

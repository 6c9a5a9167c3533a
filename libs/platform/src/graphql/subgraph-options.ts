import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { Registry } from 'prom-client';
import { formatGraphQLError } from '../errors/graphql-error';
import { graphqlMetricsPlugin } from './graphql-metrics';

/**
 * The GraphQL settings of every subgraph: Federation 2 (the library default is still 1), a
 * sorted schema so SDL diffs stay readable, the same error shape as the gateway, and no
 * playground or introspection outside development; operations timed in `registry` when given
 * (the supergraph composer builds schemas without one).
 */
export function subgraphOptions(development: boolean, registry?: Registry): ApolloFederationDriverConfig {
  return {
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: development,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError(development),
    context: ({ req }: { req: unknown }) => ({ req }),
    // Inline traces are for Apollo's hosted studio, which this platform does not report to.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...(registry ? [graphqlMetricsPlugin(registry)] : [])],
  };
}

import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { BuildSchemaOptions } from '@nestjs/graphql';
import type { Registry } from 'prom-client';
import { formatGraphQLError } from '../errors/graphql-error';
import { graphqlMetricsPlugin } from './graphql-metrics';
import type { GraphQLScope } from './graphql-scope';

/**
 * The GraphQL settings of every subgraph: Federation 2 (the library default is still 1), a
 * sorted schema so SDL diffs stay readable, the same error shape as the gateway, and no
 * playground or introspection outside development; operations timed in `registry` when given
 * (the supergraph composer builds schemas without one). The schema holds the resolvers and types of
 * the service's scope only (see graphqlScope), whatever else the process has loaded.
 */
export function subgraphOptions(development: boolean, scope?: GraphQLScope, registry?: Registry): ApolloFederationDriverConfig {
  return {
    // `include` picks the module's resolvers; @nestjs/graphql 13.4's federation path does not pass it
    // on to the type generator as its plain path does, so it is given there too (`includeModules`,
    // the internal option GraphQLSchemaBuilder.build sets; checked by the two-services test).
    ...(scope ? { include: [scope.module()], buildSchemaOptions: { includeModules: [scope.module()], orphanedTypes: scope.objectTypes } as BuildSchemaOptions } : {}),
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

import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { BuildSchemaOptions } from '@nestjs/graphql';
import type { Registry } from 'prom-client';
import { formatGraphQLError } from '../errors/graphql-error';
import { graphqlMetricsPlugin } from './graphql-metrics';
import { apolloGraphQLLimits, DEFAULT_GRAPHQL_LIMITS, GraphQLLimits } from './graphql-limits';
import type { GraphQLScope } from './graphql-scope';

/**
 * The GraphQL settings of every subgraph: Federation 2 (the library default is still 1), a
 * sorted schema so SDL diffs stay readable, the same error shape as the gateway, and no
 * playground or introspection outside development; operations timed in `registry` when given
 * (the supergraph composer builds schemas without one). The schema holds the resolvers and types of
 * the service's scope only (see graphqlScope), whatever else the process has loaded. The gateway's
 * limits on an operation's depth, aliases, tokens, directives and cost apply here again, to whatever
 * reaches the service, the gateway's fetches or a caller inside the network.
 */
export function subgraphOptions(
  development: boolean,
  scope: GraphQLScope,
  registry?: Registry,
  limits: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS,
): ApolloFederationDriverConfig {
  const { plugins: limitPlugins, validationRules, parseOptions } = apolloGraphQLLimits(limits, !development);
  return {
    // Each Nest application has only its own resolvers, but types live in one process-wide store: the
    // schema takes the types tagged with the service's scope (`includeModules`, the option
    // GraphQLSchemaBuilder.build sets from `include`, which @nestjs/graphql 13.4's federation path does
    // not pass on; graphql-scope.spec.ts checks it), and all of them, reachable from a query or not.
    buildSchemaOptions: { includeModules: [scope.module], orphanedTypes: scope.objectTypes } as BuildSchemaOptions,
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: development,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError(development),
    // Nest runs exception filters only on root resolvers unless told: without this, an AppError thrown
    // in a field resolver (a refused \`Case.readiness\`, a not-found inside a field) reached the client as
    // INTERNAL_SERVER_ERROR instead of its own code. Guards and interceptors stay off on fields (each
    // field applies its access rule itself; a refused non-null field would null its parent).
    fieldResolverEnhancers: ['filters'],
    context: ({ req }: { req: unknown }) => ({ req }),
    validationRules,
    parseOptions,
    // Inline traces are for Apollo's hosted studio, which this platform does not report to.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ...limitPlugins,
      ...(registry ? [graphqlMetricsPlugin(registry)] : []),
    ],
  };
}

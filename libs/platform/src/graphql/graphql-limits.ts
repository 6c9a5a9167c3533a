import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor, EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { env, readConfig, type Config } from '../config/config';
import { apolloOperationCost, envelopOperationCost, type OperationCostLimit } from './operation-cost';

/**
 * How much one GraphQL operation may ask for, checked before anything runs: by the gateway on the
 * client's operation and again by every subgraph on what it receives (the gateway's fetches, or a
 * caller inside the network). The same variables configure both.
 */
export const graphqlLimitSettings = {
  GRAPHQL_MAX_DEPTH: env.int('Deepest GraphQL selection accepted, fields nested through fragments', 12, {
    min: 1,
    max: 100,
  }),
  GRAPHQL_MAX_ALIASES: env.int(
    'Most aliases one GraphQL operation may use, counted each time a fragment is spread',
    30,
    { min: 0, max: 1000 },
  ),
  GRAPHQL_MAX_TOKENS: env.int('Most tokens (names, punctuation, values) a GraphQL document may hold', 1000, {
    min: 1,
    max: 100_000,
  }),
  GRAPHQL_MAX_DIRECTIVES: env.int('Most directives one GraphQL operation may use', 20, { min: 0, max: 1000 }),
  GRAPHQL_MAX_COST: env.int(
    'Highest estimated cost of one GraphQL operation (each field weighted by its depth, a list multiplied by its page size: `first` or `last` as written, given by a variable, or the default)',
    5000,
    { min: 1, max: 10_000_000 },
  ),
};
export type GraphQLLimits = Config<typeof graphqlLimitSettings>;

/** What a server runs with when its configuration names no limits (e.g. a schema built by a tool). */
export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = readConfig(graphqlLimitSettings, {});

/** The GraphQL Armor configuration, the one place the limits are set, whichever engine applies it. */
export type GraphQLArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/**
 * Every limit refuses with one error shape: GRAPHQL_VALIDATION_FAILED (HTTP 400) and the limit in
 * the message, never the library's "Syntax Error:" prefix, which would misdirect the caller.
 * Validation rules report to their context so graphql-js lists the error with the others; Envelop's
 * token count runs in the parser, which has no context, so there the error is thrown.
 */
function refuse(context: ValidationContext | null, error: GraphQLError): void {
  const refusal = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
  if (!context) throw refusal;
  context.reportError(refusal);
}

export function graphqlArmorConfig(limits: GraphQLLimits, production: boolean): GraphQLArmorConfig {
  const rejection = { propagateOnRejection: false, onReject: [refuse] };
  return {
    // Depth and cost count what a fragment holds where it is spread, computing each fragment once,
    // so a chain of fragments that each spread the next twice costs linear time to judge.
    maxDepth: { n: limits.GRAPHQL_MAX_DEPTH, flattenFragments: true, ...rejection },
    maxAliases: { n: limits.GRAPHQL_MAX_ALIASES, ...rejection },
    maxTokens: { n: limits.GRAPHQL_MAX_TOKENS, ...rejection },
    maxDirectives: { n: limits.GRAPHQL_MAX_DIRECTIVES, ...rejection },
    // The cost multiplies a list by its `first` as written in the document; a page sized by a variable or
    // left to its default is counted again when the operation runs (operation-cost.ts).
    costLimit: operationCostLimit(limits),
    // "Did you mean …" would name fields that production's disabled introspection hides.
    blockFieldSuggestion: { enabled: production },
  };
}

/** The cost limit with the same refusal as the others (GraphQL Armor's count, judged as the operation runs). */
function operationCostLimit(limits: GraphQLLimits): OperationCostLimit {
  return { maxCost: limits.GRAPHQL_MAX_COST, flattenFragments: true, propagateOnRejection: false, onReject: [refuse] };
}

export interface ApolloGraphQLLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/** The limits as Apollo Server options (every subgraph's). */
export function apolloGraphQLLimits(limits: GraphQLLimits, production: boolean): ApolloGraphQLLimits {
  const config = graphqlArmorConfig(limits, production);
  // Armor's Apollo token plugin throws from a hook Apollo treats as a server failure (HTTP 500); the
  // parser's own token limit refuses the same documents as a syntax error, GRAPHQL_PARSE_FAILED (400).
  // (Armor's Envelop plugin counts in the parser, so there the configuration applies as it is.)
  const { plugins, validationRules } = new ApolloArmor({ ...config, maxTokens: { enabled: false } }).protect();
  return {
    plugins: [...plugins, apolloOperationCost(operationCostLimit(limits))],
    validationRules,
    parseOptions: { maxLexicalTokens: limits.GRAPHQL_MAX_TOKENS },
  };
}

/** The limits as Envelop plugins (the gateway's engine): Armor's token count runs in the parser there. */
export function envelopGraphQLLimits(limits: GraphQLLimits, production: boolean) {
  return [
    ...new EnvelopArmor(graphqlArmorConfig(limits, production)).protect().plugins,
    envelopOperationCost(operationCostLimit(limits)),
  ];
}

import {
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { BadUserInputError, operationDurationHistogram, operationLabel, validIdempotencyKey } from '@ccsc/platform';
import type { GatewayContext } from './gateway-context';

/**
 * The gateway's own rules on a GraphQL operation, as Envelop/Yoga plugins (the engine's plugin model):
 * error codes for what graphql-js refuses, the operation to run named without doubt, one keyed
 * mutation per request, and the operation metrics. Limits come from GraphQL Armor (libs/platform).
 */

const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof GraphQLError;

/**
 * The same error with a code (graphql-js leaves its refusals uncoded) and HTTP 400 for every client:
 * Yoga marks these `spec` and answers them 200 to a client that accepts only `application/json`,
 * where the platform has always answered 400 (as Apollo Server does).
 */
function coded(error: GraphQLError, code: string, hideSuggestions: boolean): GraphQLError {
  // graphql-js suggests names ("Did you mean …?") that production's disabled introspection hides.
  const message = hideSuggestions ? error.message.replace(/\s*Did you mean [^?]*\?\s*$/, '') : error.message;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: {
      ...error.extensions,
      code: typeof error.extensions.code === 'string' ? error.extensions.code : code,
      // `spec: false` keeps Yoga from marking it one to answer 200 to `application/json`.
      http: { status: 400, spec: false },
    },
  });
}

/**
 * A document that does not parse is GRAPHQL_PARSE_FAILED, one that does not validate
 * GRAPHQL_VALIDATION_FAILED, both HTTP 400 whatever the Accept header: the codes clients of the
 * platform have always had, and nothing was run. (These never reach the engine's error masking.)
 */
export function useErrorCodes(hideSuggestions: boolean): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (isGraphQLError(result)) replaceParseResult(coded(result, 'GRAPHQL_PARSE_FAILED', hideSuggestions));
      };
    },
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED', hideSuggestions)));
      };
    },
  };
}

function badUserInput(message: string, fieldErrors?: { field: string; message: string }[]): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, ...(fieldErrors ? { fieldErrors } : {}) },
  });
}

type ExecutionArgs = {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  contextValue: unknown;
};

/** The names of the fields a selection set selects at its own level, through inline fragments and fragment spreads. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet, seen);
    const name = selection.name.value;
    if (seen.has(name)) return [];
    seen.add(name);
    const fragment = document.definitions.find(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
    );
    return fragment ? rootFields(document, fragment.selectionSet, seen) : [];
  });
}

/**
 * Refuses, before any subgraph is called, what the caller got wrong about the operation itself, as
 * BAD_USER_INPUT with HTTP 400: an `operationName` that names none of the document's operations,
 * variables that do not fit their types (the engine would otherwise report them as a failure of its
 * own), and a mutation operation with several mutation fields (aliases and fragments counted): each is a write
 * the rate limit would not count, and under one `Idempotency-Key` they may belong to different subgraphs, the
 * second finding the key taken by the first after it committed. The subgraph that owns a keyed mutation validates
 * the key itself and keeps the first answer.
 */
export function useOperationRules(): Plugin {
  const refusals = (args: ExecutionArgs): GraphQLError[] => {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation)
      return [
        badUserInput(
          args.operationName
            ? `The document has no operation named "${args.operationName}"`
            : 'The document holds several operations: operationName must say which one to run',
        ),
      ];
    const { errors } = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {}, {
      maxErrors: 50,
    });
    if (errors?.length)
      return errors.map(
        (error) =>
          new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          }),
      );
    if (operation.operation !== 'mutation') return [];
    // One write per request: the rate limit counts requests, and thirty aliased mutations in one were thirty
    // writes (a probe sent thirty acknowledgement emails to one stranger's address with each request).
    if (rootFields(args.document, operation.selectionSet).filter((name) => !name.startsWith('__')).length > 1)
      return [
        badUserInput('Send one mutation per request: each is a write the rate limit counts', [
          {
            field: 'mutation',
            message: 'the operation must select one mutation field (aliases and fragments included)',
          },
        ]),
      ];
    // The subgraph gets the key as a header, which holds printable ASCII only: checked here, as the subgraph
    // would, since a fetch with another character failed as the gateway's own error (quoting the variables).
    const { idempotencyKey } = args.contextValue as GatewayContext;
    const key = idempotencyKey === undefined ? undefined : validIdempotencyKey(idempotencyKey);
    if (key instanceof BadUserInputError) return [badUserInput(key.message, key.fieldErrors)];
    return [];
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = refusals(args);
      if (errors.length) setResultAndStopExecution({ errors });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const errors = refusals(args);
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };
}

/**
 * Times every GraphQL request in the same histogram as the subgraphs (`operationDurationHistogram`):
 * by operation type and first root field, and whether it answered errors. A request refused before it
 * ran is `unparsed`; a subscription is timed to its first answer, not for as long as it lives.
 */
export function useOperationMetrics(registry: Registry): Plugin {
  const duration = operationDurationHistogram(registry);
  const requests = new WeakMap<Request, { started: bigint; label: string }>();
  return {
    onRequest({ request }) {
      requests.set(request, { started: process.hrtime.bigint(), label: 'unparsed' });
    },
    onExecute({ args }) {
      label(args.contextValue, args.document, args.operationName);
    },
    onSubscribe({ args }) {
      label(args.contextValue, args.document, args.operationName);
    },
    onResultProcess({ request, result }) {
      const timing = requests.get(request);
      if (!timing) return;
      requests.delete(request);
      const errors = Array.isArray(result)
        ? result.some((r) => r.errors?.length)
        : Boolean((result as { errors?: unknown[] }).errors?.length);
      duration.observe(
        { operation: timing.label, outcome: errors ? 'error' : 'ok' },
        Number(process.hrtime.bigint() - timing.started) / 1e9,
      );
    },
  };

  function label(context: unknown, document: DocumentNode, operationName?: string | null) {
    const request = (context as { request?: Request }).request;
    const timing = request && requests.get(request);
    if (timing) timing.label = operationLabel(getOperationAST(document, operationName) ?? undefined);
  }
}

/** What a subgraph's connection closing reads as at the gateway: no code of its own, or the engine's for a subgraph failure. */
const CLOSING_CODES = new Set([undefined, 'DOWNSTREAM_SERVICE_ERROR']);

/** How near the token's expiry a subscription's failure is taken as the expiry's: the timers on both sides. */
const EXPIRY_SLACK_MS = 1_000;

/**
 * A subscription lasts as long as the subscriber's token: the subgraph ends it when the token expires (as the
 * gateway closes a graphql-ws connection with 4401). Over server-sent events the subgraph's closing reached
 * the subscriber as an uncoded failure, masked as INTERNAL_SERVER_ERROR; an error the stream carries from the
 * token's expiry on is the expiry's, and says so (UNAUTHENTICATED).
 */
export function useTokenLifetime(): Plugin {
  const expired = new GraphQLError('The token has expired', { extensions: { code: 'UNAUTHENTICATED' } });
  return {
    onSubscribe({ args }) {
      const expiresAt = (args.contextValue as unknown as GatewayContext).tokenExpiresAt;
      if (!expiresAt) return;
      return {
        onSubscribeResult() {
          return {
            onNext({ result, setResult }) {
              if (!result.errors?.length || Date.now() < expiresAt.getTime() - EXPIRY_SLACK_MS) return;
              // Only the subgraph's closing; any error with a code of its own keeps it.
              const closing = result.errors.every((e) => CLOSING_CODES.has(e.extensions?.code as string | undefined));
              if (closing) setResult({ ...result, errors: [expired] });
            },
          };
        },
      };
    },
  };
}

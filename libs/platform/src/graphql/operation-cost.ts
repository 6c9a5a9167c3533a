import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../pagination/cursor';

/** What the cost check needs of the limits: the highest cost, and Armor's reporting of a refusal. */
export interface OperationCostLimit {
  maxCost: number;
  flattenFragments: boolean;
  onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[];
  propagateOnRejection: boolean;
}

const PAGE_ARGUMENTS = ['first', 'last'];

/** A page size as it will run: a whole number, at least 1 and at most a page's maximum (a larger one is refused). */
function pageSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, 1), MAX_PAGE_SIZE) : undefined;
}

function literal(name: string, size: number): ArgumentNode {
  return {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.INT, value: String(size) },
  };
}

/**
 * What a document's pages need before each run: the document with every page left out given its field's
 * default (the same every run), and each page sized by a variable, with what it falls back to (the variable's
 * declared default, else the field's).
 */
interface PreparedPages {
  document: DocumentNode;
  byVariable: Map<ArgumentNode, { variable: string; otherwise: number | undefined }>;
  /** The document as it was validated: every page written in it, and nothing else to run (counted then). */
  unchanged: boolean;
  /** The refusal's message for a document none of whose pages is sized by a variable (undefined: not counted yet). */
  fixed?: string | null;
}

/**
 * The pages of the operation that will run, with its fragments: a document's other operations, and their
 * variables' defaults, have nothing to do with this run.
 */
function preparePages(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): PreparedPages {
  const variableDefaults = new Map<string, number | undefined>();
  for (const v of operation.variableDefinitions ?? [])
    if (v.defaultValue?.kind === Kind.INT)
      variableDefaults.set(v.variable.name.value, pageSize(Number(v.defaultValue.value)));
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const alone: DocumentNode =
    document.definitions.length === fragments.length + 1
      ? document
      : { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  const byVariable: PreparedPages['byVariable'] = new Map();
  const typeInfo = new TypeInfo(schema);
  const prepared = visit(
    alone,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const pageArguments = typeInfo.getFieldDef()?.args.filter((a) => PAGE_ARGUMENTS.includes(a.name)) ?? [];
        if (pageArguments.length === 0) return undefined;
        const given = node.arguments?.find((a) => PAGE_ARGUMENTS.includes(a.name.value));
        if (given?.value.kind === Kind.VARIABLE) {
          const variable = given.value.name.value;
          const fieldDefault = pageArguments.find((a) => a.name === given.name.value)?.defaultValue;
          byVariable.set(given, { variable, otherwise: variableDefaults.get(variable) ?? pageSize(fieldDefault) });
          return undefined;
        }
        if (given) return undefined;
        for (const a of pageArguments) {
          const size = pageSize(a.defaultValue);
          if (size !== undefined) return { ...node, arguments: [...(node.arguments ?? []), literal(a.name, size)] };
        }
        return undefined;
      },
    }),
  );
  return { document: prepared, byVariable, unchanged: prepared === document && byVariable.size === 0 };
}

/**
 * Each schema's operations as prepared, by the operation's node: servers keep a parsed document per query
 * text, so each operation of it that runs is prepared once. A name that selects no operation keeps nothing.
 */
const preparedBySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, PreparedPages>>();

function prepared(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): PreparedPages | undefined {
  // The operation as the engine picks it; none (an unknown name) is refused by the engine itself.
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  let operations = preparedBySchema.get(schema);
  if (!operations) preparedBySchema.set(schema, (operations = new WeakMap()));
  let pages = operations.get(operation);
  if (!pages) operations.set(operation, (pages = preparePages(schema, document, operation)));
  return pages;
}

/**
 * The operation as it will run, for GraphQL Armor's cost count: Armor multiplies a list by its `first` (or
 * `last`) only when the number is written in the document, so `cases(first: $n)` with `n: 100`, or `cases`
 * left to its default page, counted as one item. Here the operation that runs (with its fragments, without
 * the document's other operations) has each page sized by a variable at its value (or the variable's default
 * in that operation), and each page left out at the field's default, each at most a page's maximum.
 * Undefined when the document has no such operation.
 */
function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
): DocumentNode | undefined {
  const pages = prepared(schema, document, operationName);
  if (!pages || pages.byVariable.size === 0) return pages?.document;
  return visit(pages.document, {
    Argument(node: ArgumentNode) {
      const page = pages.byVariable.get(node);
      if (!page) return undefined;
      const size = pageSize(variables[page.variable]) ?? page.otherwise;
      return size === undefined ? undefined : literal(node.name.value, size);
    },
  });
}

/**
 * The operation's cost refusal, if it has one: GraphQL Armor's cost count of the operation with its page
 * sizes as they will run (`withPageSizes`). Judged when the operation is about to run, since only then are
 * the variables and the operation known (a document's validation is cached, whatever its variables); a
 * document of one operation whose pages are all written in it was counted as it is when it was validated,
 * and one whose pages are fixed is counted once.
 */
export function costRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  limit: OperationCostLimit,
): GraphQLError | undefined {
  const pages = prepared(schema, document, operationName);
  if (!pages || pages.unchanged) return undefined;
  let message: string | null | undefined;
  if (pages.byVariable.size > 0) {
    const priced = withPageSizes(schema, document, operationName, variables ?? {});
    message = priced && count(schema, priced, limit);
  } else {
    if (pages.fixed === undefined) pages.fixed = count(schema, pages.document, limit) ?? null;
    message = pages.fixed;
  }
  if (!message) return undefined;
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

/** Armor's count of the document: the refusal's message, or undefined within the limit. */
function count(schema: GraphQLSchema, document: DocumentNode, limit: OperationCostLimit): string | undefined {
  return validate(schema, document, [costLimitRule(limit)])[0]?.message;
}

/** The cost check on Apollo Server (every subgraph), once the operation is resolved and its variables known. */
export function apolloOperationCost(limit: OperationCostLimit): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const refusal = costRefusal(schema, document, request.operationName, request.variables, limit);
          if (refusal) throw refusal;
        },
      };
    },
  };
}

interface EnvelopRun {
  args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: Readonly<Record<string, unknown>> | null;
  };
  setResultAndStopExecution(result: { errors: GraphQLError[] }): void;
}

/** The cost check as an Envelop plugin (the gateway's engine), before a query, mutation or subscription runs. */
export function envelopOperationCost(limit: OperationCostLimit) {
  const judge = ({ args, setResultAndStopExecution }: EnvelopRun) => {
    const refusal = costRefusal(args.schema, args.document, args.operationName, args.variableValues, limit);
    if (refusal) setResultAndStopExecution({ errors: [refusal] });
  };
  return { onExecute: judge, onSubscribe: judge };
}

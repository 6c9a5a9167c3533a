// The tests' GraphQL client. Each operation is written with `graphql(`…`)` from ./generated/graphql (GraphQL Code
// Generator's client preset: `npm run contract:current` types every operation the tests hold against the
// supergraph's API schema), so a test that asks for a field or passes an argument the contract lacks does not
// compile. Every document sent is also validated against that schema before it goes, and a test fails naming the
// operation: what a generated type cannot cover (a document built at run time) is held to the contract too.
import { readFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, parse, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { CURRENT_SUPERGRAPH_FILE } from '../tools/contract/contract-files';
import { apiSchemaOf } from '../tools/contract/graphql-changes';

export { graphql } from './generated/graphql';

// What a test reads field by field from an answer the contract does not type (a raw HTTP body, an error's extensions).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export interface GraphQLError {
  message: string;
  extensions: Loose;
}

export interface GraphQLResponse<Data = Loose> {
  status: number;
  body: { data?: Data; errors?: GraphQLError[] };
}

export interface SendOptions {
  /** Headers besides content-type and authorization (an Idempotency-Key). */
  headers?: Record<string, string>;
  /** The request's `extensions` (an idempotencyKey). */
  extensions?: Record<string, unknown>;
}

let schema: GraphQLSchema | undefined;
/** The schema clients see: gateway/supergraph.graphql without its federation machinery. */
const apiSchema = () => (schema ??= apiSchemaOf(readFileSync(CURRENT_SUPERGRAPH_FILE, 'utf8')));

/** Throws, naming the operation and each error, when `document` is not a valid operation of the API schema. */
export function assertOperationInContract(document: DocumentNode): void {
  const errors = validate(apiSchema(), document);
  if (!errors.length) return;
  const operation = getOperationAST(document);
  const name = operation?.name?.value ?? `an anonymous ${operation?.operation ?? 'operation'}`;
  throw new Error(
    `GraphQL operation ${name} is not valid against the supergraph's API schema:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`,
  );
}

async function post<Data>(
  url: string,
  query: string,
  variables: unknown,
  authorization: string | undefined,
  options: SendOptions,
): Promise<GraphQLResponse<Data>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables, ...(options.extensions ? { extensions: options.extensions } : {}) }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse<Data>['body'] };
}

/** Sends a typed operation, checked against the API schema, and returns the whole answer (data and errors). */
export async function sendGraphQL<Data, Variables>(
  url: string,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  authorization?: string,
  options: SendOptions = {},
): Promise<GraphQLResponse<Data>> {
  assertOperationInContract(document);
  return post<Data>(url, print(document), variables, authorization, options);
}

/** The data of a typed operation that must succeed: an answer with errors fails the test, naming them. */
export async function graphqlData<Data, Variables>(
  url: string,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  authorization: string,
): Promise<Data> {
  const res = await sendGraphQL(url, document, variables, authorization);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data).toBeDefined();
  return res.body.data as Data;
}

/**
 * Sends a document built at run time (so no generated type can describe it), still checked against the API
 * schema first: aliases or fragments by the dozen that probe the gateway's limits, variables of any shape.
 */
export async function sendUntypedGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  authorization?: string,
  options: SendOptions = {},
): Promise<GraphQLResponse> {
  assertOperationInContract(parse(query));
  return post(url, query, variables, authorization, options);
}

/**
 * Sends what is deliberately not an operation of the API: a malformed or invalid document, a subgraph's own
 * federation fields (`_entities`, `_service`) at the subgraph, introspection the gateway refuses. Each caller
 * says in its test why the contract does not apply.
 */
export async function sendOffContractGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  authorization?: string,
  options: SendOptions = {},
): Promise<GraphQLResponse> {
  return post(url, query, variables, authorization, options);
}

/**
 * Variables a test sends knowing they break the operation's input type (a missing or unknown field, a value of
 * the wrong kind), to see the refusal: the one place a test steps outside the generated types on purpose.
 */
export const invalidVariables = <Variables>(variables: unknown): Variables => variables as Variables;

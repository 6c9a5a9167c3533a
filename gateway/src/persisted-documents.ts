import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';

/** The trusted documents: each operation's text by the sha256 hash (hex) of that text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads the manifests that GraphQL Code Generator's client preset writes (`persistedDocuments` with
 * `hashAlgorithm: 'sha256'`, the hash automatic persisted queries use): a JSON object of hash → document.
 * One manifest per client; they are merged. A manifest whose key is not the sha256 of its document is
 * refused: a request names a document by that hash, and a free-form text is matched by it.
 */
export function readTrustedDocuments(paths: readonly string[]): TrustedDocuments {
  const documents = new Map<string, string>();
  for (const path of paths) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest))
      throw new Error(`${path} must hold a JSON object of sha256 hash → document`);
    for (const [hash, document] of Object.entries(manifest)) {
      if (typeof document !== 'string' || !SHA256_HEX.test(hash) || sha256(document) !== hash)
        throw new Error(
          `${path}: "${hash.slice(0, 80)}" is not the sha256 of its document (generate it with persistedDocuments: { hashAlgorithm: 'sha256' })`,
        );
      documents.set(hash, document);
    }
  }
  return documents;
}

interface GraphQLParameters {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
  /** operationName, variables: passed on as they are. */
  [other: string]: unknown;
}

/** Why a request's document cannot run, as a GraphQL error and its HTTP status. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** A request's parameters with its document as text, or why there is none to run. */
export type Resolved = { parameters: GraphQLParameters } | { refusal: Refusal };

const NOT_TRUSTED: Refusal = {
  status: 400,
  code: 'PERSISTED_QUERY_NOT_FOUND',
  message:
    "Only the gateway's trusted documents run here, and this operation is not one of them: send the documentId of a registered operation",
};
/** What Apollo clients' automatic persisted queries expect, to retry with the text (so 200, and this message). */
const NOT_REGISTERED: Refusal = { status: 200, code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' };
const NOT_A_REQUEST: Refusal = {
  status: 400,
  code: 'BAD_REQUEST',
  message: 'A GraphQL request is a JSON object with a `query` (or a `documentId`), and `variables` if it has any',
};
const MISMATCH: Refusal = { status: 400, code: 'BAD_REQUEST', message: 'provided sha does not match query' };

/**
 * Where a request's document comes from: its text, a `documentId` (the GraphQL-over-HTTP persisted
 * documents proposal's, with or without `sha256:`) or Apollo's `extensions.persistedQuery.sha256Hash`.
 * With trusted documents, only the manifest's own texts run: a text runs if its hash is listed, a
 * hash if it is, and nothing is ever registered. Without them, automatic persisted queries: a text
 * sent with its hash is registered in a bounded cache (about 30 MiB of text, least recently used out),
 * and the hash alone runs it after. The engine then only ever sees a text.
 */
export class PersistedDocuments {
  private readonly registered = new LRUCache<string, string>({
    maxSize: 30 * 1024 * 1024,
    sizeCalculation: (text) => Math.max(1, text.length),
  });

  constructor(private readonly trusted?: TrustedDocuments) {}

  resolve(parameters: GraphQLParameters): Resolved {
    const { documentId, ...rest } = parameters;
    const extensions =
      rest.extensions !== null && typeof rest.extensions === 'object' && !Array.isArray(rest.extensions)
        ? (rest.extensions as Record<string, unknown>)
        : undefined;
    let hash: string | undefined;
    const sent = (extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
    if (typeof sent === 'string') hash = sent;
    else if (typeof documentId === 'string' && rest.query === undefined)
      hash = documentId.startsWith('sha256:') ? documentId.slice('sha256:'.length) : documentId;
    const others = extensions && { ...extensions };
    delete others?.persistedQuery;
    const text = typeof rest.query === 'string' ? rest.query : undefined;
    const run = (query: string) => ({ parameters: { ...rest, query, ...(others ? { extensions: others } : {}) } });

    if (this.trusted) {
      // A text is trusted only as a whole: with a hash of another document, it is neither.
      const key = text === undefined ? hash : hash === undefined || hash === sha256(text) ? sha256(text) : undefined;
      const document = key === undefined ? undefined : this.trusted.get(key);
      return document === undefined ? { refusal: NOT_TRUSTED } : run(document);
    }
    if (hash === undefined) return { parameters: rest };
    if (text !== undefined) {
      if (sha256(text) !== hash) return { refusal: MISMATCH };
      this.registered.set(hash, text);
      return run(text);
    }
    const registered = this.registered.get(hash);
    return registered === undefined ? { refusal: NOT_REGISTERED } : run(registered);
  }
}

/** The GraphQL-over-HTTP media type, for the clients that ask for it. */
export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** The URL parameters of a GraphQL-over-HTTP request (a GET's; a POST's are the same, if any). */
const URL_PARAMETERS = new Set(['query', 'operationName', 'variables', 'extensions', 'documentId']);

/**
 * A URL parameter the endpoint does not take, or one given twice, refused as REST refuses them: ignored, a
 * typo or a second `query` would run something other than what the caller meant.
 */
function urlParameterRefusal(req: Request): Refusal | undefined {
  const names = [...new URL(req.url, 'http://gateway').searchParams.keys()];
  const unknown = names.find((name) => !URL_PARAMETERS.has(name));
  if (unknown !== undefined)
    return {
      status: 400,
      code: 'BAD_REQUEST',
      message: `"${unknown.slice(0, 40)}" is not a parameter of this endpoint: it takes ${[...URL_PARAMETERS].join(', ')}`,
    };
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) return { status: 400, code: 'BAD_REQUEST', message: `"${twice}" is given more than once` };
  return undefined;
}

/** Express middleware on /graphql, after the JSON body parser: a POST's body, a GET's query string. */
export function persistedDocumentRequests(documents: PersistedDocuments) {
  return (req: Request, res: Response, next: NextFunction) => {
    const badUrl = urlParameterRefusal(req);
    if (badUrl) return refuse(req, res, badUrl);
    if (req.method === 'POST') {
      // Refused here in words that fit: the engine would read a body already parsed as empty and answer
      // "invalid JSON". One operation per request: batches are not taken.
      if (Array.isArray(req.body))
        return refuse(req, res, { ...NOT_A_REQUEST, message: 'Send one GraphQL operation per request, not a batch' });
      if (req.body === null || typeof req.body !== 'object' || Object.keys(req.body as object).length === 0)
        return refuse(req, res, NOT_A_REQUEST);
      const resolved = documents.resolve(req.body as GraphQLParameters);
      if ('refusal' in resolved) return refuse(req, res, resolved.refusal);
      req.body = resolved.parameters;
    } else if (req.method === 'GET') {
      const url = new URL(req.url, 'http://gateway');
      const variables = objectParameter(url, 'variables');
      if ('refusal' in variables) return refuse(req, res, variables.refusal);
      const extensions = objectParameter(url, 'extensions');
      if ('refusal' in extensions) return refuse(req, res, extensions.refusal);
      const parameters: GraphQLParameters = {
        query: url.searchParams.get('query') ?? undefined,
        documentId: url.searchParams.get('documentId') ?? undefined,
        extensions: extensions.value,
      };
      const resolved = documents.resolve(parameters);
      if ('refusal' in resolved) return refuse(req, res, resolved.refusal);
      url.searchParams.delete('documentId');
      setParameter(url, 'query', resolved.parameters.query);
      setParameter(url, 'extensions', resolved.parameters.extensions);
      req.url = `${url.pathname}${url.search}`;
    }
    next();
  };
}

function refuse(req: Request, res: Response, { status, code, message }: Refusal) {
  const type = req.accepts(['application/json', GRAPHQL_RESPONSE]) === GRAPHQL_RESPONSE ? GRAPHQL_RESPONSE : 'json';
  res
    .status(status)
    .type(type)
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * A GET's `variables` or `extensions`: absent (or null), or a JSON object. Anything else is refused here: the
 * engine answered JSON it could not parse with INTERNAL_SERVER_ERROR.
 */
function objectParameter(url: URL, name: string): { value: object | undefined } | { refusal: Refusal } {
  const raw = url.searchParams.get(name);
  if (raw === null) return { value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { refusal: { status: 400, code: 'BAD_REQUEST', message: `The ${name} parameter is not valid JSON` } };
  }
  if (value === null) return { value: undefined };
  if (typeof value !== 'object' || Array.isArray(value))
    return { refusal: { status: 400, code: 'BAD_REQUEST', message: `The ${name} parameter must be a JSON object` } };
  return { value };
}

function setParameter(url: URL, name: string, value: unknown) {
  if (value === undefined) url.searchParams.delete(name);
  else url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
}

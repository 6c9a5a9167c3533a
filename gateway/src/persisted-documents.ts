import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { GatewayContext } from './subgraph-data-source';

/** The trusted documents: each operation's text by the sha256 hash (hex) of that text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads the manifests that GraphQL Code Generator's client preset writes (`persistedDocuments` with
 * `hashAlgorithm: 'sha256'`, the hash Apollo's persisted queries use): a JSON object of hash → document.
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

/** The hash a `documentId` names: the GraphQL-over-HTTP persisted documents proposal prefixes it `sha256:`. */
function hashOfDocumentId(documentId: string): string {
  return documentId.startsWith('sha256:') ? documentId.slice('sha256:'.length) : documentId;
}

interface GraphQLParameters {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
  /** operationName, variables: passed on as they are. */
  [other: string]: unknown;
}

const persistedQueryOf = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

/**
 * A request's parameters as Apollo Server reads them. A `documentId` becomes the persisted-query
 * extension Apollo understands. With trusted documents, a request runs only the manifest's own text:
 * a hash (or the hash of a free-form text) that the manifest holds is replaced by its document, and
 * any other becomes a lookup Apollo cannot satisfy, which it refuses as PERSISTED_QUERY_NOT_FOUND
 * before parsing anything. Nothing registers in Apollo's cache then: no request reaching it carries
 * both a text and a hash.
 */
export function normaliseParameters(parameters: GraphQLParameters, trusted?: TrustedDocuments): GraphQLParameters {
  const { documentId, ...rest } = parameters;
  const extensions =
    rest.extensions !== null && typeof rest.extensions === 'object' ? (rest.extensions as Record<string, unknown>) : {};
  let hash: string | undefined;
  if (typeof documentId === 'string' && rest.query === undefined) hash = hashOfDocumentId(documentId);
  else {
    const sent = (extensions.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
    if (typeof sent === 'string') hash = sent;
  }
  if (!trusted) {
    return hash === undefined || extensions.persistedQuery !== undefined
      ? rest
      : { ...rest, extensions: { ...extensions, ...persistedQueryOf(hash) } };
  }
  if (typeof rest.query === 'string') {
    // A text is trusted only as a whole: with a hash of another document, it is neither.
    const ofText = sha256(rest.query);
    hash = hash === undefined || hash === ofText ? ofText : '';
  }
  const others = { ...extensions };
  delete others.persistedQuery;
  const document = hash === undefined ? undefined : trusted.get(hash);
  if (document !== undefined) return { ...rest, query: document, extensions: others };
  return { ...rest, query: undefined, extensions: { ...others, ...persistedQueryOf(hash ?? '') } };
}

/** Express middleware on /graphql, after the JSON body parser: a POST's body, a GET's query string. */
export function persistedDocumentRequests(trusted?: TrustedDocuments) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.method === 'POST' && req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body)) {
      req.body = withoutUndefined(normaliseParameters(req.body as GraphQLParameters, trusted));
    } else if (req.method === 'GET') {
      // Apollo reads a GET's parameters from the URL itself, with `extensions` as JSON.
      const url = new URL(req.url, 'http://gateway');
      const parameters: GraphQLParameters = {
        query: url.searchParams.get('query') ?? undefined,
        documentId: url.searchParams.get('documentId') ?? undefined,
        extensions: parseJson(url.searchParams.get('extensions')),
      };
      if (parameters.documentId !== undefined || trusted) {
        const normalised = normaliseParameters(parameters, trusted);
        url.searchParams.delete('documentId');
        setParameter(url, 'query', normalised.query);
        setParameter(url, 'extensions', normalised.extensions);
        req.url = `${url.pathname}${url.search}`;
      }
    }
    next();
  };
}

/**
 * With trusted documents on, a document not in the manifest is refused in words a client can act on,
 * and with 400: sending the text instead, as an automatic-persisted-queries client would, cannot help.
 */
export function trustedDocumentsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.data !== undefined || !result.errors?.some((e) => e.extensions?.code === NOT_FOUND)) return;
          response.http.status = 400;
          result.errors = result.errors.map((error) =>
            error.extensions?.code === NOT_FOUND
              ? {
                  ...error,
                  message:
                    "Only the gateway's trusted documents run here, and this operation is not one of them: send the documentId of a registered operation",
                }
              : error,
          );
        },
      };
    },
  };
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    // Apollo answers a malformed `extensions` itself.
    return raw;
  }
}

function setParameter(url: URL, name: string, value: unknown) {
  if (value === undefined) url.searchParams.delete(name);
  else url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

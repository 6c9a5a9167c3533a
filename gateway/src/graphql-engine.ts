import type { IncomingMessage, Server } from 'node:http';
import { createGatewayRuntime, getGraphQLWSOptions } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Registry } from 'prom-client';
import bytes from 'bytes';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeJwt } from 'jose';
import { TokenVerifier } from '@ccsc/auth';
import { CORRELATION_HEADER, envelopGraphQLLimits, formatGraphQLError, traceHeaders } from '@ccsc/platform';
import type { GatewayConfig } from './config';
import { serviceUrlOf } from './config';
import type { GatewayContext } from './gateway-context';
import { idempotencyKeyOf } from './idempotency-key';
import { useErrorCodes, useOperationMetrics, useOperationRules, useTokenLifetime } from './graphql-plugins';

/** Most operations one WebSocket connection may hold open at once. */
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;
/** Most WebSocket connections one caller (token subject) may hold open at once on one gateway replica. */
const MAX_CONNECTIONS_PER_CALLER = 20;

type Extra = { socket: WebSocket; request: IncomingMessage };

export interface GraphQLEngine {
  /** Serves a GraphQL request (POST or GET; subscriptions over server-sent events too) that Express has authenticated. */
  handle(req: Request & { id: string | number }, res: Response): void;
  /** Stops taking WebSocket connections and closes the open ones, then the subgraph connections. */
  close(): Promise<void>;
}

/**
 * The federation engine: Hive Gateway's runtime (Yoga and Envelop) with the Rust query planner of Hive
 * Router, chosen by measurement (docs/decisions.md, "The gateway engine"). It plans each operation over
 * the supergraph, calls the subgraphs with the caller's own token (the subgraphs authorise), and
 * serves subscriptions over graphql-ws at /graphql on the same port, and over server-sent events.
 */
export function createGraphQLEngine(
  config: GatewayConfig,
  supergraph: string,
  subgraphs: readonly string[],
  server: Server,
  metrics: Registry,
  verifier: TokenVerifier,
): GraphQLEngine {
  const production = config.NODE_ENV === 'production';
  const format = formatGraphQLError(!production);
  const runtime = createGatewayRuntime<GatewayContext>({
    supergraph,
    unifiedGraphHandler,
    logging: false,
    landingPage: false,
    graphiql: false,
    graphqlEndpoint: '/graphql',
    ...(production ? { disableIntrospection: { disableIf: () => true } } : {}),
    // The subgraphs' addresses come from the environment, not from the composed file; their
    // subscriptions are taken over graphql-ws, with the subscriber's own token.
    transportEntries: Object.fromEntries(
      subgraphs.map((name) => [
        name,
        {
          location: `${serviceUrlOf(config, name)}/graphql`,
          options: {
            subscriptions: {
              kind: 'ws',
              location: '/graphql',
              options: { connectionParams: { authorization: '{context.authorization}' } },
            },
          },
        },
      ]),
    ),
    propagateHeaders: {
      fromClientToSubgraphs: ({ context }) => ({
        authorization: context.authorization,
        [CORRELATION_HEADER]: context.correlationId,
        'idempotency-key': typeof context.idempotencyKey === 'string' ? context.idempotencyKey : undefined,
        ...traceHeaders(),
      }),
    },
    maskedErrors: {
      // Every error leaves in the platform's shape: a code always, no stack, and outside development
      // no message of an internal failure (it can carry SQL or personal data).
      maskError: (error, message) => {
        const graphql = asGraphQLError(error, message);
        const status = (graphql.extensions.http as { status?: number } | undefined)?.status;
        const code =
          typeof graphql.extensions.code === 'string'
            ? graphql.extensions.code
            : status !== undefined && status >= 400 && status < 500
              ? 'BAD_REQUEST'
              : 'INTERNAL_SERVER_ERROR';
        const formatted = format({ ...graphql.toJSON(), extensions: { ...graphql.extensions, code } });
        // A refusal of the request itself (no path: a syntax error, the token limit, thrown and masked here)
        // keeps its status whatever the client accepts (`spec: false`, as useErrorCodes does for the refusals it
        // returns): the engine marks a thrown parse error for 200 under `application/json`, while every other
        // refusal of a document is 400. An error of a field (with a path) is left as it was.
        const http = !graphql.path &&
          graphql.extensions.http && { ...(graphql.extensions.http as object), spec: false };
        return new GraphQLError(formatted.message, {
          nodes: graphql.nodes,
          source: graphql.source,
          positions: graphql.positions,
          path: graphql.path,
          extensions: { ...formatted.extensions, ...(http ? { http } : {}) },
        });
      },
    },
    // Subgraph calls use the runtime's own fetch (node:http with the keep-alive global agent, which
    // retires an idle connection before the subgraph's Keep-Alive timeout): measured, it doubled the
    // gateway's lookup capacity against Node's fetch (undici), docs/decisions.md.
    plugins: () => [
      ...envelopGraphQLLimits(config, production),
      useErrorCodes(production),
      useOperationRules(),
      useTokenLifetime(),
      useOperationMetrics(metrics),
    ],
  });

  // graphql-ws on the gateway's own port: the token travels in the connection's first message
  // (a browser cannot set headers on a WebSocket), or in the upgrade request's Authorization header.
  // A message is bounded as a POST body is (ws's own default is 100 MiB).
  const sockets = new WebSocketServer({ server, path: '/graphql', maxPayload: bytes.parse(config.BODY_LIMIT) ?? 0 });
  const wsOptions = getGraphQLWSOptions<GatewayContext, Extra>(runtime, (ctx) => ({
    authorization: authorizationOf(ctx.connectionParams, ctx.extra.request),
    correlationId: String(ctx.extra.request.headers[CORRELATION_HEADER] ?? crypto.randomUUID()),
  }));
  // Open connections per caller (a connection outlives the HTTP rate limit), and each one's end of life.
  const connections = new Map<string, number>();
  const held = new WeakMap<object, { subject: string; expiry: NodeJS.Timeout }>();
  const disposeSockets = useServer(
    {
      ...wsOptions,
      onConnect: async (ctx) => {
        let verified: Awaited<ReturnType<TokenVerifier['verifyUntil']>>;
        try {
          const token = TokenVerifier.bearerOf(authorizationOf(ctx.connectionParams, ctx.extra.request));
          if (!token) return false;
          verified = await verifier.verifyUntil(token);
        } catch {
          return false;
        }
        const subject = verified.principal.sub;
        const open = connections.get(subject) ?? 0;
        if (open >= MAX_CONNECTIONS_PER_CALLER) {
          ctx.extra.socket.close(4429, `A caller may hold ${MAX_CONNECTIONS_PER_CALLER} connections at once`);
          return false;
        }
        connections.set(subject, open + 1);
        // The connection lasts as long as its token (the subgraphs close theirs then too).
        const expiry = setTimeout(
          () => ctx.extra.socket.close(4401, 'The token has expired'),
          Math.min(verified.expiresAt.getTime() - Date.now(), 2 ** 31 - 1),
        );
        expiry.unref();
        held.set(ctx, { subject, expiry });
        return true;
      },
      onClose: (ctx) => {
        const connection = held.get(ctx);
        if (!connection) return;
        held.delete(ctx);
        clearTimeout(connection.expiry);
        const open = (connections.get(connection.subject) ?? 1) - 1;
        if (open > 0) connections.set(connection.subject, open);
        else connections.delete(connection.subject);
      },
      onSubscribe: (ctx, id, payload) => {
        if (Object.keys(ctx.subscriptions).length >= MAX_SUBSCRIPTIONS_PER_CONNECTION)
          return [
            new GraphQLError(`A connection may hold ${MAX_SUBSCRIPTIONS_PER_CONNECTION} operations at once`, {
              extensions: { code: 'TOO_MANY_REQUESTS' },
            }),
          ];
        return wsOptions.onSubscribe?.(ctx, id, payload);
      },
    },
    sockets,
  );

  return {
    handle: (req, res) =>
      void runtime(req, res, {
        authorization: req.headers.authorization,
        correlationId: String(req.id),
        idempotencyKey: idempotencyKeyOf(req),
        tokenExpiresAt: expiryOf(req.headers.authorization),
      }),
    close: async () => {
      // 1001 Going Away: a client reconnects, to another replica.
      for (const socket of sockets.clients) socket.close(1001, 'The gateway is stopping');
      await disposeSockets.dispose();
      await new Promise<void>((done) => sockets.close(() => done()));
      await runtime.dispose();
    },
  };
}

/** `Bearer …` from the connection's first message (`authorization` or `Authorization`), else the upgrade's header. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage) {
  const sent = params?.authorization ?? params?.Authorization;
  return typeof sent === 'string' ? sent : request.headers.authorization;
}

/**
 * What the engine caught as a GraphQLError. A subgraph's refusal of a subscription arrives as graphql-ws
 * sends it, an array of formatted errors rather than an Error (on its own or as a GraphQLError's
 * original error): its first error is kept as the subgraph worded and coded it.
 */
function asGraphQLError(error: unknown, message: string): GraphQLError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const formatted = Array.isArray(original) ? (original[0] as unknown) : original;
  if (formatted instanceof GraphQLError) return formatted;
  if (error instanceof GraphQLError && !(error.originalError && Array.isArray(error.originalError))) return error;
  if (formatted !== null && typeof formatted === 'object' && typeof (formatted as Error).message === 'string') {
    const { message: sent, extensions } = formatted as { message: string; extensions?: Record<string, unknown> };
    if (typeof extensions?.code === 'string') return new GraphQLError(sent, { extensions });
  }
  return error instanceof GraphQLError ? error : new GraphQLError(message);
}

/** When the request's bearer token expires; the edge has verified it (a request without one is refused there). */
function expiryOf(authorization: string | undefined): Date | undefined {
  try {
    const token = TokenVerifier.bearerOf(authorization);
    const exp = token ? decodeJwt(token).exp : undefined;
    return typeof exp === 'number' ? new Date(exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}

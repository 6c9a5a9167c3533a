import type { IncomingMessage } from 'node:http';
import type { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { getOperationAST, GraphQLError, parse, type ParseOptions } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { AppError } from '../../errors/app-error';
import { correlationIdOf } from '../../logging/logger';
import { type ClosableSocket, onExpiry, SubscriptionConnections } from './subscription-connections';

/** graphql-ws' close codes: refused at connection (its own code when onConnect refuses), and the token gone stale. */
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_UNAUTHORIZED = 4401;

/** Operations one connection may hold open at once, by default (the gateway allows 50 per client connection). */
export const MAX_OPERATIONS_PER_CONNECTION = 100;

/**
 * Authenticates a connection from its first message's payload and the upgrade request: resolves to the
 * request-like object guards and `@CurrentPrincipal()` read (`req` of the GraphQL context, as over HTTP)
 * and when its token expires; rejects (with an AppError, whose message the close reason carries) to refuse
 * it. libs/auth's `connectionAuthenticator` is the platform's.
 */
export type ConnectionAuthenticator = (
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  upgrade: IncomingMessage,
) => Promise<{ request: object; expiresAt: Date }>;

export interface SubgraphSubscriptionsOptions {
  authenticate: ConnectionAuthenticator;
  /** Where the open connections are kept, so that shutdown can close them (runServiceApp). */
  connections: SubscriptionConnections;
  /** The parser's limits, as over HTTP: `subgraphOptions(…).parseOptions` (GRAPHQL_MAX_TOKENS). */
  parseOptions?: ParseOptions;
  maxOperationsPerConnection?: number;
}

/** What `useServer` of graphql-ws/use/ws hands every hook as `ctx.extra`. */
interface WsExtra {
  socket: ClosableSocket;
  request: IncomingMessage;
}

interface Connection {
  /** The `req` of every operation's GraphQL context. */
  request: object;
  expiresAt: Date;
  cancelExpiry: () => void;
}

type SubgraphSubscriptionConfig = Pick<ApolloFederationDriverConfig, 'subscriptions' | 'context'>;

/**
 * GraphQL subscriptions of a subgraph, served over graphql-ws (the `graphql-transport-ws` protocol) at
 * the subgraph's own `/graphql` path and HTTP port, as the gateway subscribes to them. Spread after
 * `subgraphOptions`, whose `context` this replaces with one that serves both transports:
 *
 *     const base = subgraphOptions(development, scope, registry, limits);
 *     GraphQLModule.forRoot({ ...base, ...subgraphSubscriptions({ authenticate, connections, parseOptions: base.parseOptions }) });
 *
 * - A connection is authenticated once, by its first message (`authenticate`): without a valid token
 *   it is closed with 4403 Forbidden and the reason. Its caller becomes the `req` of every operation's
 *   context, with the correlation id of the upgrade request (`x-correlation-id`), so the global guard,
 *   `@Roles` and `@CurrentPrincipal()` work on subscription resolvers exactly as over HTTP.
 * - When the token expires the connection is closed with 4401 Unauthorized, every subscription with it;
 *   the client reconnects with a fresh token.
 * - Only subscriptions are served here: queries and mutations are refused (BAD_REQUEST), as they would
 *   bypass what HTTP applies (Apollo's plugins, Idempotency-Key). A document is parsed with the same
 *   token limit as over HTTP (GRAPHQL_PARSE_FAILED), and validated with the same rules (Nest applies the
 *   subgraph's `validationRules` to graphql-ws); a connection holds at most `maxOperationsPerConnection`.
 *
 * All of a subscription's events are resolved with one context: a per-request cache keyed by it
 * (`requestLoader`) would outlive an event, so resolvers of subscription payloads load afresh.
 */
export function subgraphSubscriptions(options: SubgraphSubscriptionsOptions): SubgraphSubscriptionConfig {
  const { authenticate, connections, parseOptions } = options;
  const maxOperations = options.maxOperationsPerConnection ?? MAX_OPERATIONS_PER_CONNECTION;
  const byContext = new WeakMap<object, Connection>();
  const expire = (socket: ClosableSocket) =>
    socket.close(CLOSE_UNAUTHORIZED, closeReason('Unauthorized', 'the token has expired'));

  return {
    subscriptions: {
      'graphql-ws': {
        onConnect: async (ctx: Context) => {
          const { socket, request } = ctx.extra as WsExtra;
          let connection: Connection;
          try {
            const caller = await authenticate(ctx.connectionParams, request);
            if (caller.expiresAt.getTime() <= Date.now())
              throw new AppError('UNAUTHENTICATED', 'The token has expired');
            connection = {
              request: { ...caller.request, id: correlationIdOf(request) },
              expiresAt: caller.expiresAt,
              cancelExpiry: () => undefined,
            };
          } catch (error) {
            // graphql-ws closes with 4403 "Forbidden" when this answers false; closing first gives the reason.
            socket.close(CLOSE_FORBIDDEN, closeReason('Forbidden', error instanceof AppError ? error.message : ''));
            return false;
          }
          connection.cancelExpiry = onExpiry(connection.expiresAt, () => expire(socket));
          byContext.set(ctx, connection);
          connections.add(socket);
          return true;
        },
        onSubscribe: (ctx: Context, _id: string, payload: SubscribePayload) => {
          const connection = byContext.get(ctx);
          if (!connection || connection.expiresAt.getTime() <= Date.now()) {
            expire((ctx.extra as WsExtra).socket);
            return [refusal('The token has expired', 'UNAUTHENTICATED')];
          }
          // graphql-ws has already counted this operation.
          if (Object.keys(ctx.subscriptions).length > maxOperations)
            return [refusal(`A connection may hold ${maxOperations} operations at once`, 'TOO_MANY_REQUESTS')];
          let operation;
          try {
            operation = getOperationAST(parse(payload.query, parseOptions), payload.operationName);
          } catch (error) {
            // graphql-ws would let a syntax error close the whole connection (4500); it is this operation's.
            const message = error instanceof GraphQLError ? error.message : 'The document could not be parsed';
            return [refusal(message, 'GRAPHQL_PARSE_FAILED')];
          }
          if (operation && operation.operation !== 'subscription')
            return [
              refusal(
                `Only subscriptions are served over WebSocket; send a ${operation.operation} over HTTP (POST /graphql)`,
                'BAD_REQUEST',
              ),
            ];
          // graphql-ws parses, validates (with the subgraph's rules) and runs it.
          return undefined;
        },
        onClose: (ctx: Context) => {
          byContext.get(ctx)?.cancelExpiry();
          connections.delete((ctx.extra as WsExtra).socket);
        },
      },
    },
    // Over HTTP Apollo hands `{ req, res }`; over graphql-ws, the connection's context.
    context: (arg: { req?: unknown }) => ({ req: byContext.get(arg)?.request ?? arg.req }),
  };
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** A close frame's reason holds at most 123 bytes. */
export function closeReason(status: string, detail: string): string {
  const full = detail ? `${status}: ${detail}` : status;
  return Buffer.byteLength(full) <= 123 ? full : status;
}

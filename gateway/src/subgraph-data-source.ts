import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { CORRELATION_HEADER, traceHeaders } from '@ccsc/platform';

export interface GatewayContext {
  authorization?: string;
  correlationId: string;
  /** The caller's `Idempotency-Key` (header, or the request's `extensions.idempotencyKey`): the mutation's subgraph keeps it. */
  idempotencyKey?: unknown;
}

/**
 * Calls a subgraph with the caller's own token (the subgraph authorises, the gateway only
 * authenticates), the request's correlation id and its trace context, so one request can be
 * followed across services in logs and traces.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.correlationId) request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
    if (typeof context.idempotencyKey === 'string')
      request.http?.headers.set('idempotency-key', context.idempotencyKey);
    // Apollo runs this inside its `gateway.fetch` span, so the subgraph's span becomes its child.
    for (const [name, value] of Object.entries(traceHeaders())) request.http?.headers.set(name, value);
  }
}

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/**
 * Node's own fetch (undici) for subgraph calls: it retires an idle connection before the subgraph's
 * keep-alive timeout (read from its Keep-Alive header), so a call never reuses a connection the
 * subgraph is closing ("socket hang up"). Apollo's types name their own fetch shape; undici's is the same at run time.
 */
export const subgraphFetch = fetch as unknown as Fetcher;

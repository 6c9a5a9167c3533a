import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { CORRELATION_HEADER } from '@ccsc/platform';

export interface GatewayContext {
  authorization?: string;
  correlationId: string;
}

/**
 * Calls a subgraph with the caller's own token (the subgraph authorises, the gateway only
 * authenticates) and the request's correlation id, so one request can be followed across services.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.correlationId) request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
  }
}

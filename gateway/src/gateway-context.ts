/**
 * What the gateway knows of a GraphQL request beyond its parameters, in the engine's context: the
 * caller's token (passed on to the subgraphs, which authorise), the correlation id and the
 * `Idempotency-Key` (header, or the request's `extensions.idempotencyKey`), which the mutation's
 * subgraph keeps.
 */
export interface GatewayContext {
  authorization?: string;
  correlationId: string;
  idempotencyKey?: unknown;
  /** When the caller's token expires (verified at the edge): a subscription ends then. */
  tokenExpiresAt?: Date;
}

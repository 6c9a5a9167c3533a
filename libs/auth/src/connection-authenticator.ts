import type { IncomingHttpHeaders } from 'node:http';
import { UnauthenticatedError } from '@ccsc/platform';
import type { AuthenticatedRequest } from './request-context';
import { TokenVerifier } from './token-verifier';

/**
 * What AuthModule provides under this token: the authenticator of a subgraph's graphql-ws connections
 * (PlatformModule's `subscriptions: { authenticator: CONNECTION_AUTHENTICATOR }`).
 */
export const CONNECTION_AUTHENTICATOR = Symbol('CONNECTION_AUTHENTICATOR');

/** A connection's caller, as a request that guards and `@CurrentPrincipal()` read, and when its token expires. */
export interface AuthenticatedConnection {
  request: AuthenticatedRequest;
  expiresAt: Date;
}

/**
 * Authenticates a graphql-ws connection as AuthMiddleware does a request: the bearer token from the
 * connection's first message (`connectionParams.authorization`, as the gateway sends it, or
 * `Authorization`), else the upgrade request's Authorization header; verified by the platform's
 * TokenVerifier. Throws UnauthenticatedError when there is none or it is not valid.
 */
export function connectionAuthenticator(verifier: TokenVerifier) {
  return async (
    connectionParams: Readonly<Record<string, unknown>> | undefined,
    upgrade: { headers: IncomingHttpHeaders },
  ): Promise<AuthenticatedConnection> => {
    const sent = connectionParams?.authorization ?? connectionParams?.Authorization;
    const authorization = typeof sent === 'string' ? sent : upgrade.headers.authorization;
    const token = TokenVerifier.bearerOf(authorization);
    if (!token) throw new UnauthenticatedError('Send the token as connectionParams.authorization: "Bearer <token>"');
    const { principal, expiresAt } = await verifier.verifyUntil(token);
    return { request: { principal, headers: { authorization: `Bearer ${token}` } }, expiresAt };
  };
}

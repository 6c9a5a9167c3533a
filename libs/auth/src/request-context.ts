import { ExecutionContext } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { requestLoader, UnauthenticatedError } from '@ccsc/platform';
import type { Principal } from './principal';

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

/** The HTTP request behind a REST handler or a GraphQL resolver. */
export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/**
 * The caller of a GraphQL resolver that no guard runs before (federation's entity references, fields a
 * service adds to another's entity): the authentication middleware's principal, or unauthenticated.
 */
export function principalOf(context: { req: AuthenticatedRequest }): Principal {
  const principal = context.req.principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

/**
 * `key`'s value from `batch`, through the request's DataLoader `name`: the keys of a page of parents (or of
 * federation's entity references) are loaded together, once, with the caller's principal, so access is
 * applied by the batch and nothing is shared between callers.
 */
export function loadForCaller<V>(
  context: { req: AuthenticatedRequest },
  name: string,
  key: string,
  batch: (keys: readonly string[], principal: Principal) => Promise<(V | null)[]>,
): Promise<V | null> {
  const principal = principalOf(context);
  return requestLoader<V>(context, name, (keys) => batch(keys, principal)).load(key);
}

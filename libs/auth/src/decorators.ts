import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { UnauthenticatedError } from '@ccsc/platform';
import type { Role } from './roles';
import type { Principal } from './principal';
import { requestOf } from './request-context';

export const ROLES_KEY = 'ccsc:roles';

/** The roles that may call a handler. A handler without @Roles (or @Public) is denied to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The verified caller of the current REST or GraphQL request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
});

/** The correlation id of the current request (set by the logging middleware from the caller's header or anew). */
export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const id = (requestOf(context) as { id?: unknown }).id;
  return id === undefined ? undefined : String(id);
});

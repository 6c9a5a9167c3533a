import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, IS_PUBLIC, UnauthenticatedError } from '@ccsc/platform';
import { ROLES_KEY } from './decorators';
import { requestOf } from './request-context';
import type { Role } from './roles';

/**
 * Global guard for REST and GraphQL alike, deny by default: a handler must be @Public or name the
 * roles that may call it, and the caller must hold one of them. Which records a caller may see
 * (their firm's cases, their own) is decided in the service, where the data is.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const principal = requestOf(context).principal;
    if (!principal) throw new UnauthenticatedError();
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!principal.roles.some((role) => allowed.includes(role))) throw new ForbiddenError();
    return true;
  }
}

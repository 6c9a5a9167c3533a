import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { Request, Response, NextFunction } from 'express';
import { sendError, toAppError, UnauthenticatedError } from '@ccsc/platform';
import { TokenVerifier } from './token-verifier';
import type { AuthenticatedRequest } from './request-context';

/**
 * Verifies the bearer token of every request before any handler runs, and refuses GraphQL
 * without one outright: a subgraph is never trusted to be private, so `_entities` or `_service`
 * sent straight to it get nothing without a valid token.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(@Inject(TokenVerifier) private readonly verifier: TokenVerifier) {}

  async use(req: Request & AuthenticatedRequest, res: Response, next: NextFunction) {
    // Mounted on a wildcard, req.path is relative to the mount: the original URL is what was asked for.
    const graphql = req.originalUrl.split('?')[0] === '/graphql';
    try {
      const token = TokenVerifier.bearerOf(req.headers.authorization);
      if (token) req.principal = await this.verifier.verify(token);
      else if (graphql) throw new UnauthenticatedError();
      next();
    } catch (error) {
      sendError(req, res, toAppError(error));
    }
  }
}

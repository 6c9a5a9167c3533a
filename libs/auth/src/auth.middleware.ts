import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { Request, Response, NextFunction } from 'express';
import {
  isGraphQLPath,
  isOperationsPath,
  isThirdPartyCallback,
  sendError,
  toAppError,
  UnauthenticatedError,
} from '@ccsc/platform';
import { TokenVerifier } from './token-verifier';
import type { AuthenticatedRequest } from './request-context';

/**
 * Verifies the bearer token of every request before any handler runs, and refuses GraphQL
 * without one outright: a subgraph is never trusted to be private, so `_entities` or `_service`
 * sent straight to it get nothing without a valid token. GraphQL is recognised by its normalised
 * path, since routing also serves it at `/GRAPHQL`, `/graphql/` and below.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(@Inject(TokenVerifier) private readonly verifier: TokenVerifier) {}

  async use(req: Request & AuthenticatedRequest, res: Response, next: NextFunction) {
    // Mounted on a wildcard, req.path is relative to the mount: the original URL is what was asked for.
    // Probes and Prometheus present no user token (Prometheus may present METRICS_TOKEN, which is no JWT).
    if (isOperationsPath(req.originalUrl)) return next();
    // A third party's callback carries its own credentials (not a JWT), which its @Public route checks.
    if (isThirdPartyCallback(req.method, req.originalUrl)) return next();
    try {
      const token = TokenVerifier.bearerOf(req.headers.authorization);
      if (token) req.principal = await this.verifier.verify(token);
      else if (isGraphQLPath(req.originalUrl)) throw new UnauthenticatedError();
      next();
    } catch (error) {
      sendError(req, res, toAppError(error));
    }
  }
}

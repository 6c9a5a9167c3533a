import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { sendError } from '../errors/error-response';

const METHODS_WITH_BODIES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether the request carries a body (as body-parser decides: a length above zero, or a chunked one). */
function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** The media type of the request's body, lower case, without parameters ("" when none is given). */
function mediaTypeOf(req: IncomingMessage): string {
  return req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Whether the body is JSON: `application/json` or a structured-suffix type (`application/merge-patch+json`).
 * The one rule both for refusing other bodies here and for the JSON parser's `type` (createServiceApp), so
 * that what is accepted is always what is parsed.
 */
export function isJsonBody(req: IncomingMessage): boolean {
  const type = mediaTypeOf(req);
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * Every REST body the platform takes is JSON: a body of another type is answered 415 with `Accept` (RFC 9110
 * §15.5.16), before anything reads it, rather than parsed as nothing and refused field by field as missing.
 * A subgraph's /graphql is Apollo's, which answers other content types itself (the gateway mounts this on /graphql).
 */
export function requireJsonBodies() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!METHODS_WITH_BODIES.has(req.method) || req.path === '/graphql' || !hasBody(req)) return next();
    if (isJsonBody(req)) return next();
    const type = mediaTypeOf(req);
    res.setHeader('Accept', 'application/json');
    sendError(
      req,
      res,
      new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        type
          ? `A request body of type ${type} is not accepted here: send JSON (Content-Type: application/json)`
          : 'The request body has no Content-Type: send JSON (Content-Type: application/json)',
      ),
    );
  };
}

import type { Request, Response } from 'express';
import type { AppError } from './app-error';
import { problemDetails, PROBLEM_CONTENT_TYPE } from './problem-details';

/**
 * Writes an error in the shape the caller speaks: a GraphQL error list on /graphql, RFC 9457
 * problem+json everywhere else. Used wherever an error is answered outside a resolver (exception
 * filter, token middleware, the gateway's own handler), so all of them answer alike.
 */
export function sendError(req: Request & { id?: unknown }, res: Response, error: AppError): void {
  const correlationId = req.id === undefined ? undefined : String(req.id);
  const problem = problemDetails(error, req.originalUrl, correlationId);
  if (error.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
  // Its database busy or away for a moment: a client may try again shortly (RFC 9110 §10.2.3), not all
  // at the same second (a full pool frees over seconds, DATABASE_ACQUIRE_TIMEOUT_MS).
  if (error.code === 'SERVICE_UNAVAILABLE') res.setHeader('Retry-After', String(2 + Math.floor(Math.random() * 4)));
  if (req.originalUrl.split('?')[0] === '/graphql') {
    const extensions = { code: error.code, ...(error.fieldErrors.length ? { fieldErrors: error.fieldErrors } : {}) };
    res.status(problem.status).json({ errors: [{ message: error.message, extensions }] });
  } else {
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).json(problem);
  }
}

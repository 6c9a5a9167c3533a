import { ArgumentsHost, Catch, ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { allowedMethods } from '../http/allowed-methods';
import { AppError } from './app-error';
import { isUniqueViolation, toAppError } from './to-app-error';
import { sendError } from './error-response';
import { toGraphQLError } from './graphql-error';

/** One error mapping for every REST and GraphQL entry point of a service. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const error = toAppError(exception);
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      // The error object goes to the log (pino serialises message and stack); never to the caller.
      this.logger.error({ err: exception }, 'unhandled error');
    } else if (isUniqueViolation(exception)) {
      // A race the code did not see coming (a check, then an insert), or a missing ON CONFLICT: worth
      // finding either way. The constraint and table are schema names; the detail (the key's values) is not logged.
      const { constraint, table } =
        (exception as { driverError?: { constraint?: string; table?: string } }).driverError ?? {};
      this.logger.warn({ code: '23505', constraint, table }, 'unique violation answered as a conflict');
    } else if (error.code === 'SERVICE_UNAVAILABLE') {
      // Not a bug, but ops must see it: every connection busy (see CcscDatabasePoolExhausted) or the database away.
      this.logger.warn({ err: exception }, 'database unavailable');
    }
    if (host.getType<GqlContextType>() === 'graphql') return toGraphQLError(error);

    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    sendError(req, res, routeNotFound(exception) ? (methodNotAllowed(req, res) ?? error) : error);
  }
}

/** Nest's answer for a path and method no route serves ("Cannot GET /…"), as opposed to a missing record. */
function routeNotFound(exception: unknown): boolean {
  return exception instanceof NotFoundException && /^Cannot [A-Z]+ /.test(exception.message);
}

/** 405 with `Allow` where the path is served with other methods; undefined where it is not served at all (404). */
function methodNotAllowed(req: Request, res: Response): AppError | undefined {
  const allowed = allowedMethods(req);
  if (allowed.length === 0) return undefined;
  res.setHeader('Allow', allowed.join(', '));
  return new AppError('METHOD_NOT_ALLOWED', `${req.method} is not served here; this path takes ${allowed.join(', ')}`);
}

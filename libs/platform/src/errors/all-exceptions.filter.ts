import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { toAppError } from './to-app-error';
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
    } else if (error.code === 'SERVICE_UNAVAILABLE') {
      // Not a bug, but ops must see it: every connection busy (see CcscDatabasePoolExhausted) or the database away.
      this.logger.warn({ err: exception }, 'database unavailable');
    }
    if (host.getType<GqlContextType>() === 'graphql') return toGraphQLError(error);

    const http = host.switchToHttp();
    sendError(http.getRequest<Request>(), http.getResponse<Response>(), error);
  }
}

import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Transform } from 'class-transformer';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { BadUserInputError } from '../errors/app-error';

type DeclaredQuery = { dto: true } | { dto: false; names: Set<string> };

/** Per handler, read once: route metadata does not change after start-up. */
const declared = new WeakMap<object, DeclaredQuery>();

/** The query parameters a handler declares: a whole query object (a DTO, which validates itself), or names. */
function declaredQuery(context: ExecutionContext): DeclaredQuery {
  const handler = context.getHandler();
  const known = declared.get(handler);
  if (known) return known;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<
    string,
    { data?: unknown }
  >;
  const names = new Set<string>();
  let found: DeclaredQuery = { dto: false, names };
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY) continue;
    if (typeof arg.data !== 'string') {
      found = { dto: true };
      break;
    }
    names.add(arg.data);
  }
  declared.set(handler, found);
  return found;
}

/**
 * Unknown query parameters are refused, as unknown body fields are (the ValidationPipe's
 * `forbidNonWhitelisted`), on routes whose query is not a validated object too: a route that takes none, or
 * takes named ones. Otherwise `GET /enforcement/mi?from=2026-02-30` answered 200 for a period it never read,
 * and a partner's misspelt filter passed as "everything".
 */
@Injectable()
export class QueryParametersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const query = context.switchToHttp().getRequest<Request>().query ?? {};
    const given = Object.keys(query);
    if (given.length === 0) return next.handle();
    const takes = declaredQuery(context);
    if (takes.dto) return next.handle();
    const unknown = given.filter((name) => !takes.names.has(name));
    if (unknown.length)
      throw new BadUserInputError(
        'The request has invalid fields',
        unknown.map((field) => ({ field, message: `property ${field} should not exist` })),
      );
    return next.handle();
  }
}

/**
 * A whole number from a query string, written as one: decimal digits with an optional minus. `Number()` (and
 * `@Type(() => Number)`) would also read `0x10`, `1e3`, ` 7` or `0b11` as a number, so a typo passed as
 * another figure; anything else stays text, for `@IsInt` to refuse. A number (from GraphQL) is left as it is.
 */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => integerFromQuery(value));
}

/** The number a query string's value is written as, in decimal digits; any other value as it is. */
export function integerFromQuery(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
}

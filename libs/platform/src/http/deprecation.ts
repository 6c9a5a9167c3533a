import {
  applyDecorators,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiExtension, DECORATORS } from '@nestjs/swagger';
import type { Response } from 'express';

/** A REST operation on its way out, as partners are told of it. */
export interface RouteDeprecation {
  /** The day (YYYY-MM-DD) the release that deprecates it goes out. */
  since: string;
  /** The day (YYYY-MM-DD) from which it may stop answering: at least DEPRECATION_NOTICE_MONTHS after `since`. */
  sunset: string;
  /** Why, and what to use instead; it opens the operation's description in the OpenAPI document. */
  reason: string;
  /** The path that replaces it, sent as `Link: <path>; rel="successor-version"`. */
  successor?: string;
}

/** The shortest time a deprecated operation keeps answering (README, "Versioning"). */
export const DEPRECATION_NOTICE_MONTHS = 6;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(day: string, name: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  if (!DAY.test(day) || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(day))
    throw new Error(`@Deprecated: ${name} must be a day (YYYY-MM-DD), not "${day}"`);
  return date;
}

/**
 * The response headers of a deprecated operation: `Deprecation` as RFC 9745 has it (`@` and the Unix time
 * of the announcement), `Sunset` as RFC 8594 (an HTTP-date) and, with a successor, a `Link` to it.
 * A notice shorter than DEPRECATION_NOTICE_MONTHS is refused, so a service with one does not start.
 */
export function deprecationHeaders(deprecation: RouteDeprecation): Record<string, string> {
  const since = dayStart(deprecation.since, 'since');
  const sunset = dayStart(deprecation.sunset, 'sunset');
  const earliest = new Date(since);
  earliest.setUTCMonth(earliest.getUTCMonth() + DEPRECATION_NOTICE_MONTHS);
  if (sunset < earliest)
    throw new Error(
      `@Deprecated: the sunset (${deprecation.sunset}) must be at least ${DEPRECATION_NOTICE_MONTHS} months after ${deprecation.since}`,
    );
  return {
    Deprecation: `@${Math.floor(since.getTime() / 1000)}`,
    Sunset: sunset.toUTCString(),
    ...(deprecation.successor ? { Link: `<${deprecation.successor}>; rel="successor-version"` } : {}),
  };
}

/**
 * Sets the headers before the handler runs, so a refusal by validation or by the handler carries them too
 * (only a request refused before routing, by authentication, does not).
 */
class DeprecationHeaders implements NestInterceptor {
  constructor(private readonly headers: Record<string, string>) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const response = context.switchToHttp().getResponse<Response>();
    for (const [name, value] of Object.entries(this.headers)) response.setHeader(name, value);
    return next.handle();
  }
}

/**
 * Marks a REST operation deprecated: its answers carry `Deprecation` and `Sunset` (and `Link` to its
 * successor), and the OpenAPI document says `deprecated: true` with its sunset in `x-sunset`, which the
 * contract check reads before letting the operation go. Works above or below `@ApiOperation`.
 */
export function Deprecated(deprecation: RouteDeprecation): MethodDecorator {
  const headers = deprecationHeaders(deprecation);
  const markOperation: MethodDecorator = (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const operation = (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) ?? {}) as { description?: string };
    const description = [`Deprecated: ${deprecation.reason}`, operation.description].filter(Boolean).join('\n\n');
    Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, deprecated: true, description }, handler);
    return descriptor;
  };
  return applyDecorators(
    markOperation,
    ApiExtension('x-sunset', deprecation.sunset),
    UseInterceptors(new DeprecationHeaders(headers)),
  );
}

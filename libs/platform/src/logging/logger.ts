import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';
import { trace } from '@opentelemetry/api';
import { currentService } from './service-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Personal data never reaches the logs: request bodies are not logged at all, query strings are cut
 * off, and these keys are censored wherever an object is logged on purpose.
 */
const PERSONAL_KEYS = [
  'name',
  'fullName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'telephone',
  'address',
  'addressLines',
  'postcode',
  'dateOfBirth',
  'niNumber',
  'nationalInsuranceNumber',
  'contact',
  'contactDetails',
  'password',
  'token',
];
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

/** The correlation id of a request: the caller's, if it sent a sane one, else a new one. */
export function correlationIdOf(req: IncomingMessage): string {
  const header = req.headers[CORRELATION_HEADER] ?? req.headers['x-request-id'];
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && SAFE_ID.test(candidate) ? candidate : randomUUID();
}

/**
 * Gives the request its correlation id before anything else runs, so that a refusal made before the
 * logger's own middleware (a body that is not JSON, control characters, a body too deep) carries the same
 * id in its problem+json as in the `x-correlation-id` header and the logs.
 */
export function assignCorrelationId(req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void) {
  const id = correlationIdOf(req);
  // The logger's genReqId reads the header again and finds the same, now valid, id.
  req.headers[CORRELATION_HEADER] = id;
  req.id = id;
  res.setHeader(CORRELATION_HEADER, id);
  next();
}

/**
 * Errors as the logs carry them: type, message and stack, plus the database's error code and the
 * table, column or constraint it names. Never the enumerable rest: TypeORM's QueryFailedError carries
 * the SQL and its bind parameters (names, emails, phone numbers) and pg's errors the offending row
 * (`detail`, `where`), and PostgreSQL's messages may quote a value, so a database error keeps its code
 * and names only, and its stack loses the message line.
 */
export function serializeError(value: unknown): unknown {
  // pino-http hands its error serializer pino's own serialisation, with the error itself as `raw`.
  const raw = value instanceof Error ? value : (value as { raw?: unknown } | null)?.raw;
  if (!(raw instanceof Error)) return value;
  const e = raw as Error & { code?: unknown; driverError?: unknown; cause?: unknown };
  const driver = (e.driverError ?? e) as {
    code?: unknown;
    table?: unknown;
    column?: unknown;
    constraint?: unknown;
    routine?: unknown;
  };
  const fromDatabase =
    e.name === 'QueryFailedError' ||
    'driverError' in e ||
    (typeof driver.code === 'string' && /^[0-9A-Z]{5}$/.test(driver.code) && 'routine' in driver);
  const stack = e.stack?.split('\n').slice(1).join('\n');
  if (fromDatabase) {
    return {
      type: e.name,
      message: 'database error (message withheld: it may quote values)',
      ...Object.fromEntries(
        Object.entries({
          code: driver.code,
          table: driver.table,
          column: driver.column,
          constraint: driver.constraint,
          routine: driver.routine,
        }).filter(([, v]) => typeof v === 'string'),
      ),
      stack,
    };
  }
  return {
    type: e.name,
    message: e.message,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    stack: e.stack,
    ...(e.cause !== undefined ? { cause: serializeError(e.cause) } : {}),
  };
}

export function baseLoggerOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    // The service comes from the mixin: in a process of several services, the one doing the work.
    base: null,
    messageKey: 'msg',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    // The trace of the work being logged, so a log line leads to its trace and back.
    mixin: () => {
      const span = trace.getActiveSpan()?.spanContext();
      const traced = span && span.traceId !== '00000000000000000000000000000000';
      return {
        service: currentService() ?? service,
        ...(traced ? { traceId: span.traceId, spanId: span.spanId } : {}),
      };
    },
  };
}

/** nestjs-pino settings: JSON lines, one request log per request, the correlation id on every line. */
export function loggerParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      ...baseLoggerOptions(service, level),
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = correlationIdOf(req);
        res.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      // Bound to the request's child logger, so every line logged while serving it carries the id.
      customProps: (req: IncomingMessage & { id?: unknown }) => ({ correlationId: String(req.id) }),
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      serializers: {
        err: serializeError,
        error: serializeError,
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}

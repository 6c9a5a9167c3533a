import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';
import { trace } from '@opentelemetry/api';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Personal data never reaches the logs: request bodies are not logged at all, query strings are cut
 * off, and these keys are censored wherever an object is logged on purpose.
 */
const PERSONAL_KEYS = [
  'name', 'fullName', 'firstName', 'lastName', 'email', 'phone', 'telephone', 'address', 'postcode',
  'dateOfBirth', 'niNumber', 'nationalInsuranceNumber', 'contact', 'contactDetails', 'password', 'token',
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

export function baseLoggerOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    messageKey: 'msg',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths, censor: '[redacted]' },
    // The trace of the work being logged, so a log line leads to its trace and back.
    mixin: () => {
      const span = trace.getActiveSpan()?.spanContext();
      return span && span.traceId !== '00000000000000000000000000000000' ? { traceId: span.traceId, spanId: span.spanId } : {};
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
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}

import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { SpanStatusCode } from '@opentelemetry/api';
import { LATENCY_BUCKETS } from '../metrics/metrics';
import { SpanKind, startSpan, traceContextOf, withContext } from '../tracing/tracing';

/** The matched route pattern (`/api/v1/cases/:id`), never the raw path: ids would explode the label set. */
function routeOf(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  return req.baseUrl || 'unmatched';
}

/**
 * Express middleware that puts each request in a server span (continuing the caller's trace from
 * `traceparent`) and times it in `ccsc_http_request_duration_seconds` by method, route and status.
 * Query strings are left out of both: they can carry personal data.
 */
export function httpInstrumentation(service: string, registry: Registry) {
  const duration = new Histogram({
    name: 'ccsc_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const { span, context } = startSpan(`${req.method} ${req.path}`, {
      kind: SpanKind.SERVER,
      service,
      parent: traceContextOf(req.headers),
      attributes: { 'http.request.method': req.method, 'url.path': req.path },
    });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const route = routeOf(req);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      duration.observe(
        { method: req.method, route, status: String(res.statusCode) },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    };
    res.once('finish', finish);
    res.once('close', finish);
    withContext(context, next);
  };
}

import http, { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError, CORRELATION_HEADER, traceHeaders } from '@ccsc/platform';

// Hop-by-hop headers belong to one connection and must not be forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
];

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

/**
 * Streams a partner REST call to the service that owns it, unchanged but for the correlation id
 * and forwarding headers. Bodies are not parsed here: the service validates and bounds them.
 */
export function restProxy(service: string, target: string, timeoutMs = 30_000): RequestHandler {
  const base = new URL(target);
  const client = base.protocol === 'https:' ? https : http;
  return (req: Request, res: Response, next: NextFunction) => {
    const upstream = client.request(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: req.originalUrl,
        timeout: timeoutMs,
        headers: {
          ...forwardable(req.headers),
          host: base.host,
          [CORRELATION_HEADER]: String(req.id),
          'x-forwarded-for': req.socket.remoteAddress ?? '',
          'x-forwarded-proto': req.protocol,
          ...traceHeaders(),
        },
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, forwardable(response.headers));
        response.pipe(res);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('upstream timeout')));
    upstream.on('error', () => {
      if (res.headersSent) res.destroy();
      else next(new AppError('BAD_GATEWAY', `The ${service} service is not answering`));
    });
    req.pipe(upstream);
  };
}

// Checks every answer a server under test gives against its OpenAPI document, whoever asked (supertest, fetch,
// a raw socket) and whichever middleware answered: the server's own request listener is wrapped, ahead of the
// application's, and the body is copied as it is written.
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { recordContractCheck } from './contract-mismatches';
import type { OpenApiContract } from './openapi-contract';

type Chunk = string | Uint8Array;

/** From now on, each answer of `server` is checked against `contract()` once it is sent. */
export function watchResponses(server: Server, contract: () => Promise<OpenApiContract>): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    // Before the application's routers take their mount points off it.
    const url = req.url ?? '/';
    const chunks: Buffer[] = [];
    let contentType: string | undefined;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, (encoding as BufferEncoding) || 'utf8'));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    const { write, end, writeHead } = res;
    // A proxy writes its upstream's headers with writeHead, which need not pass through setHeader.
    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const headers = rest.find((arg) => arg !== null && typeof arg === 'object') as
        OutgoingHttpHeaders | string[] | undefined;
      if (Array.isArray(headers)) {
        const at = headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-type');
        if (at >= 0) contentType = headers[at + 1];
      } else if (headers) {
        const name = Object.keys(headers).find((h) => h.toLowerCase() === 'content-type');
        if (name) contentType = String(headers[name]);
      }
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
    } as ServerResponse['writeHead'];
    res.write = function (this: ServerResponse, chunk: Chunk, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      if (typeof args[0] !== 'function') keep(args[0], args[1]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, ...args);
    } as ServerResponse['end'];
    res.once('finish', () => {
      const answer = {
        method: req.method ?? 'GET',
        url,
        status: res.statusCode,
        contentType: contentType ?? headerText(res.getHeader('content-type')),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      if (answer.method === 'HEAD' || answer.method === 'OPTIONS') return;
      recordContractCheck(contract().then((c) => c.check(answer)));
    });
  });
}

const headerText = (value: number | string | string[] | undefined) =>
  value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);

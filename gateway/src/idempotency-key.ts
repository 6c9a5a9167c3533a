import type { Request } from 'express';

/**
 * A GraphQL mutation's `Idempotency-Key`: the header, as on REST, or the request's `extensions.idempotencyKey`
 * for clients that cannot set headers per operation. The gateway only carries it: the subgraph that owns the
 * mutation validates it and keeps the first answer (libs/platform's IdempotencyInterceptor).
 */
export function idempotencyKeyOf(req: Request): unknown {
  const header = req.headers['idempotency-key'];
  if (header !== undefined) return header;
  const extensions = (req.body as { extensions?: unknown } | undefined)?.extensions;
  if (extensions === null || typeof extensions !== 'object') return undefined;
  return (extensions as { idempotencyKey?: unknown }).idempotencyKey;
}

import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so that `{"a":1,"b":2}` and `{"b":2,"a":1}` are the
 * same request: a client library is free to serialise a retry with its keys in another order.
 * Array order is kept (it is meaningful); `undefined` is dropped as JSON.stringify drops it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

/** SHA-256 (hex) of the canonical JSON of a request body: what "the same request" means for a key. */
export function requestBodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

import { METHODS } from 'node:http';
import type { Request } from 'express';

interface RouteLayer {
  route?: { methods: Record<string, boolean | undefined> };
  match(path: string): boolean;
}

/**
 * The methods the app serves at the request's path, from Express's own routing table: a request there with
 * another method is answered 405 with `Allow` (RFC 9110 §15.5.6), not 404 as if the resource did not exist.
 */
export function allowedMethods(req: Request): string[] {
  const stack = (req.app as unknown as { router?: { stack?: RouteLayer[] } } | undefined)?.router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || !layer.match(req.path)) continue;
    const served = Object.entries(layer.route.methods).filter(([method, on]) => on && method !== '_all');
    // A catch-all (Nest's middleware for every route is one) serves no resource of its own.
    if (layer.route.methods._all || served.length >= METHODS.length) continue;
    for (const [method] of served) methods.add(method.toUpperCase());
  }
  // Express answers HEAD with the GET route.
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

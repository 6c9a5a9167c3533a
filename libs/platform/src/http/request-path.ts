/**
 * The path a request URL names, spelled the one way routing does not care about: no query, no
 * scheme or host (absolute-form request targets), percent-decoded, lower case, without repeated or
 * trailing slashes. Express matches routes case-insensitively and ignores a trailing slash, so a
 * check on the raw URL (`=== '/graphql'`) is passed by `/GRAPHQL` or `/graphql/` while the route
 * still answers them.
 */
export function normalisedPath(url: string): string {
  let path = url.split(/[?#]/)[0] ?? '';
  path = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % decodes to nothing routing would match either; judge it as written.
  }
  return (
    path
      .toLowerCase()
      .replace(/\/{2,}/g, '/')
      .replace(/\/+$/, '') || '/'
  );
}

/** GraphQL is mounted at /graphql, and a mount also answers every path beneath it. */
export function isGraphQLPath(url: string): boolean {
  const path = normalisedPath(url);
  return path === '/graphql' || path.startsWith('/graphql/');
}

/** Health and metrics: answered to probes and Prometheus, which carry no user token. */
export function isOperationsPath(url: string): boolean {
  const path = normalisedPath(url);
  return path === '/metrics' || path === '/health' || path.startsWith('/health/');
}

/**
 * Routes a third party calls with credentials of its own instead of a platform token, which the route
 * checks itself: a card provider's signed notifications (payments), GOV.UK Notify's delivery receipts
 * (each service that sends correspondence; Notify's bearer is NOTIFY_CALLBACK_TOKEN, no JWT). The gateway lets them through without a
 * platform token, and a service's auth middleware does not read their bearer as one.
 */
const THIRD_PARTY_CALLBACKS: ReadonlySet<string> = new Set([
  '/api/v1/payments/card-callbacks',
  '/api/v1/cases/correspondence/delivery-receipts',
  '/api/v1/queries/correspondence/delivery-receipts',
  '/api/v1/complaints/correspondence/delivery-receipts',
]);

/**
 * The path as Express routes it: no query, scheme or host, lower case, one trailing slash ignored,
 * and nothing percent-decoded. Express matches a route against the path as sent, so
 * `correspondence%2Fdelivery-receipts` (or `%64elivery-receipts`) never reaches the receipts handler;
 * decoding it here, as `normalisedPath` does, would exempt from the token checks a path that is not
 * the callback's. For an exemption, a path spelled any other way is simply not one.
 */
function routedPath(url: string): string {
  const path = (url.split(/[?#]/)[0] ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return path.toLowerCase().replace(/(.)\/$/, '$1') || '/';
}

export function isThirdPartyCallback(method: string, url: string): boolean {
  return method === 'POST' && THIRD_PARTY_CALLBACKS.has(routedPath(url));
}

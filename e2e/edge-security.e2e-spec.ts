import { importJWK, SignJWT } from 'jose';
import { readLocalKeys } from '@ccsc/auth';
import { bearer, testEnv, TEST_AUDIENCE, TEST_ISSUER } from '@ccsc/testing';
import { graphql, sendGraphQL } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';
import { as, partnerApi } from './rest-client';

const LIMIT = 5;
const METRICS_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718';
const PORTAL = 'https://portal.example';
const CASES = graphql(`
  query EdgeCases {
    cases(first: 1) {
      nodes {
        id
      }
    }
  }
`);

/** A token signed by the test key with every claim but an expiry. */
async function tokenWithoutExpiry(): Promise<string> {
  const { privateJwk } = readLocalKeys(testEnv().keysDir);
  const token = await new SignJWT({ roles: ['caseworker'] })
    .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid, typ: 'JWT' })
    .setSubject('forever-user')
    .setIssuer(TEST_ISSUER)
    .setAudience(TEST_AUDIENCE)
    .setIssuedAt()
    .sign(await importJWK(privateJwk, 'ES256'));
  return `Bearer ${token}`;
}

// One gateway with a low per-client limit, one allowed origin and a metrics token. Each test calls
// as its own subject, so one test's requests never count against another's; anonymous calls all
// count against this machine's address, and the tests below make fewer than LIMIT of them.
describe('the edge: rate limits, security headers, CORS, token rules and ops endpoints', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({
      services: [],
      env: { METRICS_TOKEN },
      gateway: {
        RATE_LIMIT_REQUESTS: String(LIMIT),
        RATE_LIMIT_WINDOW_MS: '60000',
        CORS_ORIGINS: PORTAL,
        METRICS_TOKEN,
        TRUST_PROXY: '1',
      },
    });
  });
  afterAll(() => platform.stop());

  it('answers a client over its limit with 429, Retry-After and RateLimit headers, and serves another client as usual', async () => {
    const greedy = await bearer('caseworker', { sub: 'greedy-user' });
    const other = await bearer('caseworker', { sub: 'other-user' });
    for (let i = 0; i < LIMIT; i++) {
      const res = await sendGraphQL(platform.gatewayUrl, CASES, {}, greedy);
      expect({ i, status: res.status }).toEqual({ i, status: 200 });
    }

    const api = partnerApi(platform.gatewayUrl);
    const limitedCall = await api.GET('/api/v1/cases', as(greedy));
    const rest = limitedCall.response;
    expect(rest.status).toBe(429);
    expect(rest.headers.get('content-type')).toContain('application/problem+json');
    expect(limitedCall.error).toMatchObject({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      type: 'urn:ccsc:problem:too-many-requests',
    });
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(rest.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(rest.headers.get('ratelimit-policy')).toMatch(new RegExp(`^"[^"]+"; q=${LIMIT}; w=60`));
    expect(rest.headers.get('ratelimit')).toMatch(/^"[^"]+"; r=0; t=\d+/);

    const gql = await sendGraphQL(platform.gatewayUrl, CASES, {}, greedy);
    expect(gql.status).toBe(429);
    expect(gql.body.errors?.[0]?.extensions.code).toBe('TOO_MANY_REQUESTS');

    const served = (await api.GET('/api/v1/cases', as(other))).response;
    expect(served.status).toBe(200);
    expect(served.headers.get('ratelimit')).toMatch(new RegExp(`r=${LIMIT - 1};`));

    // Probes are never limited.
    for (let i = 0; i < LIMIT + 1; i++) expect((await fetch(`${platform.gatewayUrl}/health/live`)).status).toBe(200);
  });

  it('tells anonymous callers apart by their address, as the trusted proxy in front reports it', async () => {
    const api = partnerApi(platform.gatewayUrl);
    const anonymous = async (address: string) =>
      (await api.GET('/api/v1/cases', { headers: { 'x-forwarded-for': address } })).response;
    for (let i = 0; i < LIMIT; i++) expect((await anonymous('203.0.113.7')).status).toBe(401);
    const limited = await anonymous('203.0.113.7');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await anonymous('203.0.113.8')).status).toBe(401);
  });

  it('sends security headers from the gateway and from every service', async () => {
    const caseworker = await bearer('caseworker', { sub: 'headers-user' });
    for (const url of [`${platform.gatewayUrl}/api/v1/cases`, `${platform.casesUrl}/api/v1/cases`]) {
      const res = await fetch(url, { headers: { authorization: caseworker } });
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect({
        url,
        nosniff: res.headers.get('x-content-type-options'),
        hsts: res.headers.get('strict-transport-security'),
        frame: res.headers.get('x-frame-options'),
        referrer: res.headers.get('referrer-policy'),
        poweredBy: res.headers.get('x-powered-by'),
      }).toEqual({
        url,
        nosniff: 'nosniff',
        hsts: expect.stringMatching(/max-age=\d+/),
        frame: 'SAMEORIGIN',
        referrer: 'no-referrer',
        poweredBy: null,
      });
    }
  });

  it('answers a preflight from an allowed origin without a token, and gives no other origin leave', async () => {
    const preflight = (origin: string) =>
      fetch(`${platform.gatewayUrl}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight(PORTAL);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');

    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();

    const call = (
      await partnerApi(platform.gatewayUrl).GET(
        '/api/v1/cases',
        as(await bearer('caseworker', { sub: 'cors-user' }), { origin: PORTAL }),
      )
    ).response;
    expect(call.status).toBe(200);
    expect(call.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(call.headers.get('access-control-expose-headers')).toContain('ratelimit');
  });

  it('refuses every spelling of a subgraph GraphQL path without a token', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    for (const path of ['/graphql', '/graphql/', '/GRAPHQL', '/GraphQL/', '/graphql?x=1', '//graphql']) {
      const res = await fetch(`${platform.casesUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
      expect(await res.text()).not.toContain('sdl');
    }
    const get = await fetch(`${platform.casesUrl}/GRAPHQL?query=${encodeURIComponent('{ _service { sdl } }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(get.status).toBe(401);
  });

  it('refuses a token without an expiry, at the gateway and at a subgraph', async () => {
    const forever = await tokenWithoutExpiry();
    const atGateway = await partnerApi(platform.gatewayUrl).GET('/api/v1/cases', as(forever));
    expect(atGateway.response.status).toBe(401);
    expect(atGateway.error).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'The token has no expiry (exp)' });
    expect((await fetch(`${platform.casesUrl}/api/v1/cases`, { headers: { authorization: forever } })).status).toBe(
      401,
    );
  });

  it('shows metrics and which readiness check failed only to the metrics token', async () => {
    const withToken = { authorization: `Bearer ${METRICS_TOKEN}` };
    for (const base of [platform.gatewayUrl, platform.casesUrl]) {
      const refused = await fetch(`${base}/metrics`);
      expect({ base, status: refused.status }).toEqual({ base, status: 401 });
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      const scraped = await fetch(`${base}/metrics`, { headers: withToken });
      expect({ base, status: scraped.status }).toEqual({ base, status: 200 });
      expect(await scraped.text()).toContain('ccsc_http_request_duration_seconds');
    }
    // Probes still learn whether it is ready; only the token learns why not. (Only cases runs here,
    // so the gateway, which needs every subgraph of the supergraph, is not ready.)
    const gateway = await fetch(`${platform.gatewayUrl}/health/ready`);
    expect({ status: gateway.status, body: await gateway.json() }).toEqual({
      status: 503,
      body: { status: 'unavailable' },
    });
    const gatewayDetails = await (await fetch(`${platform.gatewayUrl}/health/ready`, { headers: withToken })).json();
    expect(gatewayDetails).toMatchObject({
      status: 'unavailable',
      checks: { cases: { ok: true }, payments: { ok: false } },
    });
    const cases = await fetch(`${platform.casesUrl}/health/ready`);
    expect({ status: cases.status, body: await cases.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    const casesDetails = await (await fetch(`${platform.casesUrl}/health/ready`, { headers: withToken })).json();
    expect(casesDetails).toMatchObject({
      status: 'ok',
      checks: { database: { ok: true, details: { migrationsPending: false } } },
    });
    expect((await fetch(`${platform.gatewayUrl}/health/live`)).status).toBe(200);
  });
});

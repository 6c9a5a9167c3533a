import { TEST_AUDIENCE, TEST_ISSUER, testEnv } from '@ccsc/testing';
import { readGatewayConfig } from './config';
import { createGateway, Gateway } from './gateway';

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://idp.example/realms/ccsc/protocol/openid-connect/certs',
  AUTH_ISSUER: 'https://idp.example/realms/ccsc',
};

async function withGateway(env: Record<string, string>, test: (url: string) => Promise<void>) {
  const gateway: Gateway = await createGateway(
    readGatewayConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      AUTH_LOCAL_KEYS_DIR: testEnv().keysDir,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      ...env,
    }),
  );
  try {
    await test(await gateway.listen());
  } finally {
    await gateway.close();
  }
}

/** Every script, stylesheet and icon the page names, which must all be the gateway's own. */
const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');

describe("the gateway's pages for browsers", () => {
  it('serves GraphiQL at /graphql to a browser, with every file from the gateway, and leaves API clients to GraphQL', async () => {
    await withGateway({}, async (url) => {
      const page = await fetch(`${url}/graphql`, { headers: BROWSER });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await page.text();
      const assets = assetsOf(html);
      expect(assets).toEqual(
        expect.arrayContaining([expect.stringMatching(/^\/graphql\/explorer\/[\d.]+\/graphiql\.js$/)]),
      );
      for (const asset of assets) {
        expect(asset).toMatch(/^\/[^/]/);
        const res = await fetch(url + asset);
        expect([asset, res.status]).toEqual([asset, 200]);
        expect(res.headers.get('cache-control')).toContain('immutable');
      }
      for (const worker of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
        const base = assets.find((a) => a.endsWith('/graphiql.js'))!.replace(/graphiql\.js$/, '');
        expect((await fetch(url + base + worker)).status).toBe(200);
      }
      // A GraphQL client's GET is still GraphQL (and so needs a token).
      const client = await fetch(`${url}/graphql?query=%7B__typename%7D`, { headers: { accept: 'application/json' } });
      expect(client.status).toBe(401);
      expect(await fetch(`${url}/graphql/explorer/0.0.0/graphiql.js`, { headers: BROWSER })).toHaveProperty(
        'status',
        401,
      );
    });
  });

  it('serves the API reference of /api/docs at /api/reference, with every file from the gateway', async () => {
    await withGateway({}, async (url) => {
      const page = await fetch(`${url}/api/reference`, { headers: BROWSER });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('/api/docs/openapi.json');
      for (const asset of assetsOf(html)) {
        expect(asset).toMatch(/^\/api\/reference\/[\d.]+\//);
        expect((await fetch(url + asset)).status).toBe(200);
      }
    });
  });

  it('serves neither in production unless configured', async () => {
    await withGateway(PRODUCTION, async (url) => {
      expect((await fetch(`${url}/graphql`, { headers: BROWSER })).status).toBe(401);
      expect((await fetch(`${url}/api/reference`, { headers: BROWSER })).status).toBe(404);
    });
    await withGateway({ ...PRODUCTION, GRAPHQL_EXPLORER: 'true', API_REFERENCE: 'true' }, async (url) => {
      const explorer = await fetch(`${url}/graphql`, { headers: BROWSER });
      expect(explorer.status).toBe(200);
      // Its own policy, not production's "load nothing", which would leave the page blank.
      expect(explorer.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect((await fetch(`${url}/api/reference`, { headers: BROWSER })).status).toBe(200);
    });
    await withGateway({ GRAPHQL_EXPLORER: 'false', API_REFERENCE: 'no' }, async (url) => {
      expect((await fetch(`${url}/graphql`, { headers: BROWSER })).status).toBe(401);
      expect((await fetch(`${url}/api/reference`, { headers: BROWSER })).status).toBe(404);
    });
  });
});

import { browserPagesOf, readGatewayConfig } from './config';

describe('gateway configuration', () => {
  const production = {
    NODE_ENV: 'production',
    AUTH_JWKS_URL: 'https://idp.example/realms/ccsc/protocol/openid-connect/certs',
    AUTH_ISSUER: 'https://idp.example/realms/ccsc',
  };

  it('starts in production against the real realm', () => {
    expect(readGatewayConfig(production).AUTH_ISSUER).toBe('https://idp.example/realms/ccsc');
  });

  it('refuses in production to trust the demo realm, whose users and passwords are published', () => {
    expect(() => readGatewayConfig({ ...production, AUTH_ISSUER: 'http://localhost:8080/realms/ccsc-demo' })).toThrow(
      /AUTH_ISSUER names the demo realm, refused in production/,
    );
    expect(() =>
      readGatewayConfig({
        ...production,
        AUTH_JWKS_URL: 'http://keycloak:8080/realms/ccsc-demo/protocol/openid-connect/certs',
      }),
    ).toThrow(/AUTH_JWKS_URL names the demo realm/);
    expect(
      readGatewayConfig({
        ...production,
        NODE_ENV: 'development',
        AUTH_ISSUER: 'http://localhost:8080/realms/ccsc-demo',
      }).NODE_ENV,
    ).toBe('development');
  });

  it('refuses in production a JWKS fetched over plain http, unless told the network is private', () => {
    const http = { ...production, AUTH_JWKS_URL: 'http://idp.example/realms/ccsc/protocol/openid-connect/certs' };
    expect(() => readGatewayConfig(http)).toThrow(/AUTH_JWKS_URL must use https in production/);
    expect(readGatewayConfig({ ...http, AUTH_JWKS_ALLOW_HTTP: 'true' }).AUTH_JWKS_URL).toBe(http.AUTH_JWKS_URL);
    expect(readGatewayConfig({ ...http, NODE_ENV: 'development' }).AUTH_JWKS_URL).toBe(http.AUTH_JWKS_URL);
    expect(readGatewayConfig({ ...http, NODE_ENV: 'test' }).AUTH_JWKS_URL).toBe(http.AUTH_JWKS_URL);
  });

  it('allows no cross-origin caller unless configured, and only exact origins', () => {
    expect(readGatewayConfig(production).CORS_ORIGINS).toEqual([]);
    expect(
      readGatewayConfig({ ...production, CORS_ORIGINS: 'https://portal.example, http://localhost:5173' }).CORS_ORIGINS,
    ).toEqual(['https://portal.example', 'http://localhost:5173']);
    for (const bad of ['*', 'https://portal.example/', 'portal.example', 'null']) {
      expect(() => readGatewayConfig({ ...production, CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS must list origins/);
    }
  });

  it('limits each client to 600 requests a minute unless told otherwise', () => {
    expect(readGatewayConfig(production)).toMatchObject({ RATE_LIMIT_REQUESTS: 100, RATE_LIMIT_WINDOW_MS: 10_000 });
    expect(() => readGatewayConfig({ ...production, RATE_LIMIT_REQUESTS: '0' })).toThrow(
      /RATE_LIMIT_REQUESTS must be at least 1/,
    );
  });

  it('serves the explorer and the API reference outside production, and in it only when told to', () => {
    expect(browserPagesOf(readGatewayConfig({}))).toEqual({ explorer: true, apiReference: true });
    expect(browserPagesOf(readGatewayConfig(production))).toEqual({ explorer: false, apiReference: false });
    expect(browserPagesOf(readGatewayConfig({ ...production, GRAPHQL_EXPLORER: 'true' }))).toEqual({
      explorer: true,
      apiReference: false,
    });
    expect(browserPagesOf(readGatewayConfig({ API_REFERENCE: 'no' }))).toEqual({ explorer: true, apiReference: false });
    expect(() => readGatewayConfig({ GRAPHQL_EXPLORER: 'sometimes' })).toThrow(
      /GRAPHQL_EXPLORER must be true or false/,
    );
  });
});

import { readGatewayConfig } from './config';

describe('gateway configuration', () => {
  const production = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/realms/ccsc/protocol/openid-connect/certs', AUTH_ISSUER: 'https://idp.example/realms/ccsc' };

  it('starts in production against the real realm', () => {
    expect(readGatewayConfig(production).AUTH_ISSUER).toBe('https://idp.example/realms/ccsc');
  });

  it('refuses in production to trust the demo realm, whose users and passwords are published', () => {
    expect(() => readGatewayConfig({ ...production, AUTH_ISSUER: 'http://localhost:8080/realms/ccsc-demo' })).toThrow(/AUTH_ISSUER names the demo realm, refused in production/);
    expect(() => readGatewayConfig({ ...production, AUTH_JWKS_URL: 'http://keycloak:8080/realms/ccsc-demo/protocol/openid-connect/certs' })).toThrow(/AUTH_JWKS_URL names the demo realm/);
    expect(readGatewayConfig({ ...production, NODE_ENV: 'development', AUTH_ISSUER: 'http://localhost:8080/realms/ccsc-demo' }).NODE_ENV).toBe('development');
  });
});

import { ConfigError, readConfig } from './config';
import { serviceSettings } from './service-config';

const production = {
  NODE_ENV: 'production',
  PORT: '4101',
  DATABASE_URL: 'postgres://cases:0d5c1f0e9a7b@postgres:5432/cases',
  AUTH_JWKS_URL: 'https://idp.example/realms/ccsc/protocol/openid-connect/certs',
  AUTH_ISSUER: 'https://idp.example/realms/ccsc',
};
const problemsOf = (source: Record<string, string>): string[] => {
  try {
    readConfig(serviceSettings, source);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
};

describe('service settings in production', () => {
  it('start with a service role, its own password and the real realm', () => {
    expect(problemsOf(production)).toEqual([]);
  });

  it('refuse the superuser and published passwords in DATABASE_URL, without echoing them', () => {
    const superuser = problemsOf({
      ...production,
      DATABASE_URL: 'postgres://postgres:0d5c1f0e9a7b@postgres:5432/cases',
    });
    expect(superuser).toEqual([
      expect.stringMatching(/^DATABASE_URL connects as the superuser postgres, refused in production/),
    ]);
    const demo = problemsOf({ ...production, DATABASE_URL: 'postgres://cases:demo-cases-db@postgres:5432/cases' });
    expect(demo).toEqual(['DATABASE_URL has a published demo password, refused in production']);
    expect(demo.join()).not.toContain('demo-cases-db');
    expect(problemsOf({ ...production, DATABASE_URL: 'postgres://cases:postgres@postgres:5432/cases' })).toHaveLength(
      1,
    );
  });

  it('refuse an issuer or JWKS of the demo realm', () => {
    expect(
      problemsOf({
        ...production,
        AUTH_JWKS_URL: 'http://keycloak:8080/realms/ccsc-demo/protocol/openid-connect/certs',
        AUTH_ISSUER: 'http://localhost:8080/realms/ccsc-demo',
      }),
    ).toEqual([
      'AUTH_JWKS_URL names the demo realm, refused in production',
      'AUTH_ISSUER names the demo realm, refused in production',
    ]);
    // A realm whose name merely starts like the demo's is not the demo realm.
    expect(problemsOf({ ...production, AUTH_ISSUER: 'https://idp.example/realms/ccsc-demography' })).toEqual([]);
  });

  it('leave development and tests free to use the demo values', () => {
    const demo = {
      ...production,
      DATABASE_URL: 'postgres://postgres:demo-postgres-superuser@postgres:5432/cases',
      AUTH_ISSUER: 'http://localhost:8080/realms/ccsc-demo',
    };
    expect(problemsOf({ ...demo, NODE_ENV: 'development' })).toEqual([]);
    expect(problemsOf({ ...demo, NODE_ENV: 'test' })).toEqual([]);
  });
});

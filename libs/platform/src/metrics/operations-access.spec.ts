import { readConfig } from '../config/config';
import { OperationsAccess, operationsSettings } from './operations-access';

describe('access to metrics and readiness details', () => {
  const token = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';

  it('with METRICS_TOKEN, lets in only its bearer', () => {
    for (const production of [true, false]) {
      const access = new OperationsAccess(token, production);
      expect(access.allows(`Bearer ${token}`)).toBe(true);
      expect(access.allows(`bearer ${token}`)).toBe(true);
      expect(access.allows(undefined)).toBe(false);
      expect(access.allows(`Bearer ${token}x`)).toBe(false);
      expect(access.allows(`Basic ${token}`)).toBe(false);
      expect(access.allows('Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln')).toBe(false);
    }
  });

  it('without one, is open outside production and closed in it', () => {
    expect(new OperationsAccess(undefined, false).allows(undefined)).toBe(true);
    expect(new OperationsAccess(undefined, true).allows(undefined)).toBe(false);
    expect(new OperationsAccess(undefined, true).allows(`Bearer ${token}`)).toBe(false);
  });

  it('refuses in production a token this repository publishes', () => {
    const spec = { NODE_ENV: { description: '', parse: (raw: string | undefined) => raw }, ...operationsSettings };
    expect(() => readConfig(spec, { NODE_ENV: 'production', METRICS_TOKEN: 'demo-metrics-token' })).toThrow(
      /METRICS_TOKEN is a published demo/,
    );
    expect(readConfig(spec, { NODE_ENV: 'production', METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token);
  });
});

import { sandboxRequested } from './start-sandbox';

describe("npm start's sandbox opt-in", () => {
  it('is off unless asked for', () => {
    expect(sandboxRequested([], { NODE_ENV: 'development' })).toBe(false);
    expect(sandboxRequested([], { NODE_ENV: 'production' })).toBe(false);
    expect(sandboxRequested(['--sandbox'], { NODE_ENV: 'development' })).toBe(true);
  });

  it('is refused in production, and where an identity provider issues the tokens', () => {
    expect(() => sandboxRequested(['--sandbox'], { NODE_ENV: 'production' })).toThrow(
      '--sandbox is refused when NODE_ENV=production',
    );
    expect(() =>
      sandboxRequested(['--sandbox'], { NODE_ENV: 'development', AUTH_JWKS_URL: 'https://idp.example/jwks' }),
    ).toThrow(/AUTH_JWKS_URL/);
  });

  it('refuses an argument it does not know, so a misspelt flag is not silently ignored', () => {
    expect(() => sandboxRequested(['--sandbx'], { NODE_ENV: 'development' })).toThrow(/--sandbx/);
  });
});

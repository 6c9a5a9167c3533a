import { EXAMPLE_RETURN_ORIGINS, paymentsSettings, readPaymentsConfig, SANDBOX_CALLBACK_SECRET } from './config';

const base = { PORT: '4104', DATABASE_URL: 'postgres://localhost/payments' };

describe('payments configuration', () => {
  it('refuses to run in production without the card provider secret', () => {
    expect(() =>
      readPaymentsConfig({ ...base, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' }),
    ).toThrow(/CARD_PROVIDER_SECRET is required in production/);
    expect(
      readPaymentsConfig({
        ...base,
        NODE_ENV: 'production',
        AUTH_JWKS_URL: 'https://idp.example/jwks',
        CARD_PROVIDER_SECRET: 's3cret',
        CARD_RETURN_ORIGINS: 'https://pay.service.example',
      }).CARD_PROVIDER_SECRET,
    ).toBe('s3cret');
  });

  it('falls back to the sandbox secret in development and test only, and says so in the setting', () => {
    for (const mode of ['development', 'test'])
      expect(readPaymentsConfig({ ...base, NODE_ENV: mode }).CARD_PROVIDER_SECRET).toBe(SANDBOX_CALLBACK_SECRET);
    expect(
      readPaymentsConfig({ ...base, NODE_ENV: 'test', CARD_PROVIDER_SECRET: 'local-secret' }).CARD_PROVIDER_SECRET,
    ).toBe('local-secret');
    expect(paymentsSettings.CARD_PROVIDER_SECRET.description).toMatch(
      /required unless NODE_ENV is development or test/,
    );
  });

  it('refuses in production the sandbox secret and the demo one, which anyone can read', () => {
    const production = { ...base, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' };
    for (const published of [SANDBOX_CALLBACK_SECRET, 'demo-card-callback-secret']) {
      const withOrigins = { ...production, CARD_RETURN_ORIGINS: 'https://pay.service.example' };
      expect(() => readPaymentsConfig({ ...withOrigins, CARD_PROVIDER_SECRET: published })).toThrow(
        /CARD_PROVIDER_SECRET is a published demo or sandbox value, refused in production/,
      );
      expect(readPaymentsConfig({ ...base, CARD_PROVIDER_SECRET: published }).CARD_PROVIDER_SECRET).toBe(published);
    }
  });

  it("refuses to run in production without the pages payers return to, which are the deployment's own", () => {
    const production = {
      ...base,
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      CARD_PROVIDER_SECRET: 's3cret',
    };
    expect(() => readPaymentsConfig(production)).toThrow(/CARD_RETURN_ORIGINS is required in production/);
    expect(
      readPaymentsConfig({
        ...production,
        CARD_RETURN_ORIGINS: 'https://claims.service.example, https://fines.service.example',
      }).CARD_RETURN_ORIGINS,
    ).toEqual(['https://claims.service.example', 'https://fines.service.example']);
    expect(readPaymentsConfig({ ...base, NODE_ENV: 'test' }).CARD_RETURN_ORIGINS).toEqual(EXAMPLE_RETURN_ORIGINS);
  });

  it.each([
    'http://claims.service.example',
    'https://claims.service.example/return',
    'https://*.service.example',
    'claims',
  ])('refuses %s as a return origin: an https origin, exactly, or a payer could be sent anywhere', (origin) => {
    expect(() => readPaymentsConfig({ ...base, CARD_RETURN_ORIGINS: origin })).toThrow(
      /CARD_RETURN_ORIGINS must list origins/,
    );
  });

  it('defaults the Help with Fees sample and the duplicate window, and checks their range', () => {
    expect(readPaymentsConfig(base)).toMatchObject({
      HWF_EVIDENCE_CHECK_PERCENT: 10,
      DUPLICATE_PAYMENT_WINDOW_MINUTES: 10,
    });
    expect(() => readPaymentsConfig({ ...base, HWF_EVIDENCE_CHECK_PERCENT: '101' })).toThrow(
      /HWF_EVIDENCE_CHECK_PERCENT/,
    );
  });
});

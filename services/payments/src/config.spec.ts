import { readPaymentsConfig } from './config';

const base = { PORT: '4104', DATABASE_URL: 'postgres://localhost/payments' };

describe('payments configuration', () => {
  it('refuses to run in production without the card provider secret', () => {
    expect(() => readPaymentsConfig({ ...base, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/CARD_PROVIDER_SECRET is required in production/);
    expect(readPaymentsConfig({ ...base, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', CARD_PROVIDER_SECRET: 's3cret' }).CARD_PROVIDER_SECRET).toBe('s3cret');
  });

  it('defaults the Help with Fees sample and the duplicate window, and checks their range', () => {
    expect(readPaymentsConfig(base)).toMatchObject({ HWF_EVIDENCE_CHECK_PERCENT: 10, DUPLICATE_PAYMENT_WINDOW_MINUTES: 10 });
    expect(() => readPaymentsConfig({ ...base, HWF_EVIDENCE_CHECK_PERCENT: '101' })).toThrow(/HWF_EVIDENCE_CHECK_PERCENT/);
  });
});

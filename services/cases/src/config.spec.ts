import { readCasesConfig } from './config';

const base = { PORT: '4101', DATABASE_URL: 'postgres://localhost/cases' };
const production = {
  ...base,
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://cases:a-real-password@db.internal/cases',
  AUTH_JWKS_URL: 'https://idp.example/jwks',
  NOTIFY_API_KEY: 'live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0',
  NOTIFY_CALLBACK_TOKEN: 'a-callback-token-only-notify-has',
  NOTIFY_EMAIL_TEMPLATE_ID: '0e8f4b1e-4a55-4f7a-9a43-3f1b2d8c9e01',
  NOTIFY_SMS_TEMPLATE_ID: '0e8f4b1e-4a55-4f7a-9a43-3f1b2d8c9e02',
  WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 9).toString('base64'),
};

describe('cases configuration', () => {
  it('starts in production with Notify configured', () => {
    expect(readCasesConfig(production).WEBHOOK_ALLOW_LOOPBACK).toBe(false);
  });

  it('refuses loopback webhook endpoints in production, where they would let a firm reach the service itself', () => {
    expect(() => readCasesConfig({ ...production, WEBHOOK_ALLOW_LOOPBACK: 'true' })).toThrow(
      /WEBHOOK_ALLOW_LOOPBACK is for tests and local development, refused in production/,
    );
    expect(readCasesConfig({ ...base, NODE_ENV: 'test', WEBHOOK_ALLOW_LOOPBACK: 'true' }).WEBHOOK_ALLOW_LOOPBACK).toBe(
      true,
    );
  });

  it('refuses to start in production without Notify, which would leave every letter in the sandbox', () => {
    expect(() => readCasesConfig({ ...production, NOTIFY_API_KEY: undefined })).toThrow(
      /NOTIFY_API_KEY is required in production/,
    );
    expect(readCasesConfig(base).NOTIFY_API_KEY).toBeUndefined();
  });

  it('refuses to start in production without a well-formed key for the webhook secrets, or with the demo one', () => {
    expect(() => readCasesConfig({ ...production, WEBHOOK_SECRETS_KEY: undefined })).toThrow(
      /WEBHOOK_SECRETS_KEY is required in production/,
    );
    expect(() => readCasesConfig({ ...production, WEBHOOK_SECRETS_KEY: 'c2hvcnQ=' })).toThrow(
      /WEBHOOK_SECRETS_KEY must be 32 bytes in base64/,
    );
    expect(() =>
      readCasesConfig({ ...production, WEBHOOK_SECRETS_KEY: 'Y2NzYy1kZW1vLXdlYmhvb2stc2VjcmV0cy1rZXktMzI=' }),
    ).toThrow(/WEBHOOK_SECRETS_KEY is a published demo or sandbox value/);
    expect(readCasesConfig(base).WEBHOOK_SECRETS_KEY).toBeUndefined();
  });
});

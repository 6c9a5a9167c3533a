import { notifyConfigFromEnv, NOTIFY_PRODUCTION_URL } from './govuk-notify-config';

const env = {
  NOTIFY_API_KEY: 'test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0',
  NOTIFY_EMAIL_TEMPLATE_ID: 'e-template',
  NOTIFY_SMS_TEMPLATE_ID: 's-template',
};

describe('notifyConfigFromEnv', () => {
  it("defaults to Notify's API and a 10 s timeout", () => {
    expect(notifyConfigFromEnv(env)).toEqual({
      apiKey: env.NOTIFY_API_KEY,
      baseUrl: NOTIFY_PRODUCTION_URL,
      emailTemplateId: 'e-template',
      smsTemplateId: 's-template',
      timeoutMs: 10_000,
    });
  });

  it('takes a local test server over http, anything else only over https', () => {
    expect(notifyConfigFromEnv({ ...env, NOTIFY_BASE_URL: 'http://127.0.0.1:4010/' }).baseUrl).toBe(
      'http://127.0.0.1:4010',
    );
    expect(() => notifyConfigFromEnv({ ...env, NOTIFY_BASE_URL: 'http://notify.example.org' })).toThrow(
      'NOTIFY_BASE_URL must be https',
    );
  });

  it('names what is missing or malformed, never the key', () => {
    expect(() => notifyConfigFromEnv({ ...env, NOTIFY_API_KEY: '' })).toThrow('NOTIFY_API_KEY must be set');
    expect(() => notifyConfigFromEnv({ ...env, NOTIFY_SMS_TEMPLATE_ID: undefined })).toThrow(
      'NOTIFY_SMS_TEMPLATE_ID must be set',
    );
    expect(() => notifyConfigFromEnv({ ...env, NOTIFY_API_KEY: 'secret-value' })).toThrow(/^(?!.*secret-value)/);
  });
});

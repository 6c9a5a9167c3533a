import { readConfig, serviceSettings } from '@ccsc/platform';
import { correspondenceSettings } from './correspondence-settings';

const settings = { NODE_ENV: serviceSettings.NODE_ENV, ...correspondenceSettings };
const NOTIFY = {
  NOTIFY_API_KEY: 'live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0',
  NOTIFY_CALLBACK_TOKEN: 'a-callback-token-only-notify-has',
  NOTIFY_EMAIL_TEMPLATE_ID: '0e8f4b1e-4a55-4f7a-9a43-3f1b2d8c9e01',
  NOTIFY_SMS_TEMPLATE_ID: '0e8f4b1e-4a55-4f7a-9a43-3f1b2d8c9e02',
};
const problems = (source: Record<string, string | undefined>) => {
  try {
    readConfig(settings, source);
    return [];
  } catch (error) {
    return (error as { problems: string[] }).problems;
  }
};

describe('correspondenceSettings', () => {
  it('refuses to start in production without Notify, naming every missing variable (the sandbox would send nothing)', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'NOTIFY_API_KEY is required in production (without it nothing would be sent)',
      'NOTIFY_EMAIL_TEMPLATE_ID is required in production (emails are sent through it)',
      'NOTIFY_SMS_TEMPLATE_ID is required in production (texts are sent through it)',
      'NOTIFY_CALLBACK_TOKEN is required in production (without it no delivery receipt is taken)',
    ]);
    for (const name of Object.keys(NOTIFY))
      expect(problems({ NODE_ENV: 'production', ...NOTIFY, [name]: undefined })).toEqual([
        expect.stringMatching(new RegExp(`^${name} is required in production`)),
      ]);
    expect(readConfig(settings, { NODE_ENV: 'production', ...NOTIFY }).NOTIFY_API_KEY).toBe(NOTIFY.NOTIFY_API_KEY);
  });

  it('keeps the sandbox the default outside production', () => {
    for (const mode of ['development', 'test', undefined])
      expect(readConfig(settings, { NODE_ENV: mode }).NOTIFY_API_KEY).toBeUndefined();
  });

  it('refuses a malformed key without quoting it, and a published callback token in production', () => {
    expect(problems({ NOTIFY_API_KEY: 'not-a-key-s3cret' })).toEqual([
      'NOTIFY_API_KEY is not "<key name>-<service id>-<secret>" with two UUIDs',
    ]);
    expect(problems({ NODE_ENV: 'production', ...NOTIFY, NOTIFY_CALLBACK_TOKEN: 'ccsc-system-secret' })).toEqual([
      'NOTIFY_CALLBACK_TOKEN is a published demo or sandbox value, refused in production',
    ]);
  });

  it('keeps a sending item leased for longer than a request to Notify can take', () => {
    expect(readConfig(settings, {}).CORRESPONDENCE_SENDING_TIMEOUT_MS).toBe(300_000);
    expect(problems({ NOTIFY_TIMEOUT_MS: '60000', CORRESPONDENCE_SENDING_TIMEOUT_MS: '60000' })).toEqual([
      'CORRESPONDENCE_SENDING_TIMEOUT_MS must be more than NOTIFY_TIMEOUT_MS plus 30 s (time to print a letter), got 60000',
    ]);
  });
});

import { parseNotifyApiKey } from './notify-api-key';

const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';

describe('parseNotifyApiKey', () => {
  it('reads the service id and secret from the end, so the key name may hold hyphens', () => {
    expect(parseNotifyApiKey(`ccsc-live-key-${SERVICE_ID}-${SECRET}`)).toEqual({
      keyName: 'ccsc-live-key',
      serviceId: SERVICE_ID,
      secret: SECRET,
    });
  });

  it('refuses anything else without quoting it', () => {
    for (const key of [SECRET, `name-${SERVICE_ID}${SECRET}`, `name-${SERVICE_ID}-not-a-uuid-at-all-000000000000000`])
      expect(() => parseNotifyApiKey(key)).toThrow(
        'The Notify API key is not "<key name>-<service id>-<secret>" with two UUIDs',
      );
  });
});

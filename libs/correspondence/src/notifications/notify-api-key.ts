const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NotifyApiKey {
  keyName: string;
  serviceId: string;
  secret: string;
}

/**
 * Splits a GOV.UK Notify API key, `<key name>-<service id>-<secret>`, both ids being UUIDs. The key
 * name may itself hold hyphens, so the two UUIDs are read from the end. Errors never quote the key.
 */
export function parseNotifyApiKey(apiKey: string): NotifyApiKey {
  const key = apiKey.trim();
  const secret = key.slice(-36);
  const serviceId = key.slice(-73, -37);
  const keyName = key.slice(0, -74);
  if (key.length < 75 || key.at(-37) !== '-' || key.at(-74) !== '-' || !UUID.test(secret) || !UUID.test(serviceId))
    throw new Error('The Notify API key is not "<key name>-<service id>-<secret>" with two UUIDs');
  return { keyName, serviceId, secret };
}

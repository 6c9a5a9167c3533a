import { newWebhookSecret, signingSecrets } from './webhook-secret';

describe('webhook signing secrets', () => {
  it('are whsec_ and 32 random bytes in base64', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('sign with the previous secret too only during the overlap', () => {
    const now = new Date('2031-01-01T12:00:00Z');
    const endpoint = { secret: 'new', previousSecret: 'old', previousSecretUntil: new Date('2031-01-02T12:00:00Z') };
    expect(signingSecrets(endpoint, now)).toEqual(['new', 'old']);
    expect(signingSecrets(endpoint, new Date('2031-01-02T12:00:01Z'))).toEqual(['new']);
    expect(signingSecrets({ secret: 'only', previousSecret: null, previousSecretUntil: null }, now)).toEqual(['only']);
  });
});

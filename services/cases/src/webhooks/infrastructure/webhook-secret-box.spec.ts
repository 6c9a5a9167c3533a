import { randomBytes } from 'node:crypto';
import { WebhookSecretBox, webhookSecretsKeyProblem } from './webhook-secret-box';

const key = randomBytes(32).toString('base64');
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('WebhookSecretBox', () => {
  it('seals a secret so the stored value does not show it, and opens it again', () => {
    const box = WebhookSecretBox.fromKey(key);
    const stored = box.seal(secret);
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain('MfKQ9r8G');
    expect(box.seal(secret)).not.toBe(stored);
    expect(box.open(stored)).toBe(secret);
  });

  it('refuses a value sealed under another key or altered, and reads a secret stored before sealing as it is', () => {
    const stored = WebhookSecretBox.fromKey(key).seal(secret);
    expect(() => WebhookSecretBox.fromKey(randomBytes(32).toString('base64')).open(stored)).toThrow();
    const altered = `${stored.slice(0, -4)}AAA=`;
    expect(() => WebhookSecretBox.fromKey(key).open(altered)).toThrow();
    // A truncated tag (GCM would check only its first bytes) is refused outright.
    const [prefix, version, iv, tag, sealed] = stored.split(':');
    const shortTag = Buffer.from(tag!, 'base64').subarray(0, 4).toString('base64');
    expect(() => WebhookSecretBox.fromKey(key).open([prefix, version, iv, shortTag, sealed].join(':'))).toThrow(
      'malformed',
    );
    expect(WebhookSecretBox.fromKey(key).open(secret)).toBe(secret);
  });

  it('takes only a key of 32 bytes in base64, naming no part of a bad one', () => {
    expect(webhookSecretsKeyProblem(key)).toBeUndefined();
    expect(webhookSecretsKeyProblem(randomBytes(16).toString('base64'))).toBe(
      'must be 32 bytes in base64 (openssl rand -base64 32)',
    );
    expect(webhookSecretsKeyProblem('not base64 at all!')).toBeDefined();
    // The same bytes spelt otherwise (no padding) are refused: production's check of published keys compares text.
    expect(webhookSecretsKeyProblem(key.replace(/=+$/, ''))).toBeDefined();
  });
});

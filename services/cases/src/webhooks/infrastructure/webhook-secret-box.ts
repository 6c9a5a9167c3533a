import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const SEALED = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts webhook signing secrets at rest (AES-256-GCM): a copy of the database, a backup or a read
 * replica alone cannot sign a delivery a firm would trust. The secrets cannot be hashed instead: every
 * delivery is signed with them. A stored value is `enc:v1:<iv>:<tag>:<ciphertext>` (base64); a value
 * without the prefix is one written before encryption, read as it is and sealed at its next rotation.
 */
export class WebhookSecretBox {
  private constructor(private readonly key: Buffer) {}

  /**
   * From `WEBHOOK_SECRETS_KEY` (32 bytes, base64), which production requires; elsewhere a fixed
   * development key, so `npm start` and the tests seal and open as production does.
   */
  static fromKey(base64Key: string | undefined): WebhookSecretBox {
    return new WebhookSecretBox(
      base64Key ? decodeKey(base64Key) : createHash('sha256').update('ccsc-development-webhook-secrets').digest(),
    );
  }

  seal(secret: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${SEALED}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${sealed.toString('base64')}`;
  }

  /** The secret; throws when it was sealed under another key or altered (GCM's tag), rather than sign with rubbish. */
  open(stored: string): string {
    if (!stored.startsWith(SEALED)) return stored;
    const [iv, tag, sealed] = stored
      .slice(SEALED.length)
      .split(':')
      .map((part) => Buffer.from(part, 'base64'));
    // A short tag would be accepted by GCM and proves less: only the full 16 bytes are.
    if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || !sealed?.length)
      throw new Error('A sealed webhook secret is malformed');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  }
}

/** The key's 32 bytes, or a problem that names no part of it. */
export function webhookSecretsKeyProblem(base64Key: string): string | undefined {
  try {
    decodeKey(base64Key);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The key's bytes, from canonical base64 only (what `openssl rand -base64 32` prints): a variant spelling of
 * the same bytes (padding left off, spare bits set) would slip past the check that refuses the published
 * demo key in production, which compares the text.
 */
function decodeKey(base64Key: string): Buffer {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64Key)
    throw new Error('must be 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

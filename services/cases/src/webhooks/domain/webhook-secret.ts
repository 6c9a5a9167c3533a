import { randomBytes } from 'node:crypto';

/** A signing secret as Standard Webhooks writes it: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface EndpointSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

/**
 * The secrets a delivery is signed with at `now`: the current one, and during a rotation's overlap
 * the previous one too, so a receiver still verifying with the old secret keeps accepting deliveries
 * until it has switched.
 */
export function signingSecrets(endpoint: EndpointSecrets, now: Date): string[] {
  const overlapping =
    endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil.getTime() > now.getTime();
  return overlapping ? [endpoint.secret, endpoint.previousSecret as string] : [endpoint.secret];
}

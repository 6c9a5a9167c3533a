import { mintToken, readLocalKeys, Role } from '@ccsc/auth';
import { testEnv } from './test-env';

export const TEST_ISSUER = 'ccsc-local';
export const TEST_AUDIENCE = 'ccsc-api';

/** A signed token that the services under test accept. */
export function testToken(role: Role, options: { org?: string; sub?: string; ttl?: number } = {}): Promise<string> {
  return mintToken(readLocalKeys(testEnv().keysDir), {
    sub: options.sub ?? `${role}-user`,
    roles: [role],
    org: options.org,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    ttl: options.ttl,
  });
}

export async function bearer(role: Role, options: { org?: string; sub?: string } = {}): Promise<string> {
  return `Bearer ${await testToken(role, options)}`;
}

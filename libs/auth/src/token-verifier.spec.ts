import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt, importJWK, SignJWT } from 'jose';
import { LocalKeys, loadOrCreateLocalKeys, mintToken } from './local-keys';
import { TokenVerifier } from './token-verifier';

describe('token verification', () => {
  const issuer = 'ccsc-local';
  const audience = 'ccsc-api';
  let dir: string;
  let keys: LocalKeys;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ccsc-keys-'));
    keys = await loadOrCreateLocalKeys(dir);
    verifier = new TokenVerifier({ localKeysDir: dir, issuer, audience, production: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A token signed by the right key with every claim but an expiry. */
  async function withoutExpiry(): Promise<string> {
    return new SignJWT({ roles: ['caseworker'] })
      .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid, typ: 'JWT' })
      .setSubject('caseworker-user')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .sign(await importJWK(keys.privateJwk, 'ES256'));
  }

  it('accepts a signed token with an expiry', async () => {
    const token = await mintToken(keys, { sub: 'caseworker-user', roles: ['caseworker'], issuer, audience });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'caseworker-user', roles: ['caseworker'] });
  });

  it('tells when a token it accepts expires', async () => {
    const token = await mintToken(keys, { sub: 'caseworker-user', roles: ['caseworker'], issuer, audience, ttl: 600 });
    const { principal, expiresAt } = await verifier.verifyUntil(token);
    expect(principal).toEqual({ sub: 'caseworker-user', roles: ['caseworker'] });
    expect(Math.abs(expiresAt.getTime() - (Date.now() + 600_000))).toBeLessThan(2_000);
    await expect(verifier.verifyUntil('not-a-token')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token without an expiry, which would be good forever once leaked', async () => {
    await expect(verifier.verify(await withoutExpiry())).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token has no expiry (exp)',
    });
  });

  it('refuses an expired token', async () => {
    const token = await mintToken(keys, { sub: 'caseworker-user', roles: ['caseworker'], issuer, audience, ttl: -60 });
    await expect(verifier.verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token has expired',
    });
  });

  it('takes a token it verified lately on trust, but never past its expiry', async () => {
    // Three seconds, not one: exp has one-second resolution, so a one-second token minted late in a second
    // on a busy machine had expired before its first check (CI failed so).
    const token = await mintToken(keys, { sub: 'brief-user', roles: ['caseworker'], issuer, audience, ttl: 3 });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'brief-user', roles: ['caseworker'] });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'brief-user', roles: ['caseworker'] });
    // Past exp, the cached verification is gone with it.
    const expiresAt = (decodeJwt(token).exp as number) * 1000;
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 100));
    await expect(verifier.verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token has expired',
    });
  });
});

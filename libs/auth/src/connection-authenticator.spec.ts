import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateLocalKeys, LocalKeys, mintToken } from './local-keys';
import { TokenVerifier } from './token-verifier';
import { connectionAuthenticator } from './connection-authenticator';

describe('connectionAuthenticator', () => {
  const issuer = 'ccsc-local';
  const audience = 'ccsc-api';
  let dir: string;
  let keys: LocalKeys;
  let authenticate: ReturnType<typeof connectionAuthenticator>;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ccsc-keys-'));
    keys = await loadOrCreateLocalKeys(dir);
    authenticate = connectionAuthenticator(
      new TokenVerifier({ localKeysDir: dir, issuer, audience, production: false }),
    );
    token = await mintToken(keys, { sub: 'firm-user', roles: ['professional'], org: 'org-a', issuer, audience });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const noHeaders = { headers: {} };

  it('takes the bearer token from connectionParams.authorization, as the gateway sends it, and gives guards a request', async () => {
    for (const params of [{ authorization: `Bearer ${token}` }, { Authorization: `bearer ${token}` }]) {
      const { request, expiresAt } = await authenticate(params, noHeaders);
      expect(request).toEqual({
        principal: { sub: 'firm-user', roles: ['professional'], organisationId: 'org-a' },
        headers: { authorization: `Bearer ${token}` },
      });
      expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it("falls back to the upgrade request's Authorization header", async () => {
    const { request } = await authenticate(undefined, { headers: { authorization: `Bearer ${token}` } });
    expect(request.principal?.sub).toBe('firm-user');
  });

  it('refuses a connection without a token, with a malformed one, or with one that does not verify', async () => {
    await expect(authenticate({}, noHeaders)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Send the token as connectionParams.authorization: "Bearer <token>"',
    });
    await expect(authenticate({ authorization: token }, noHeaders)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(authenticate({ authorization: 'Bearer forged' }, noHeaders)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token is not valid',
    });
  });
});

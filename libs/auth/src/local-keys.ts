import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import type { Role } from './roles';

const ALG = 'ES256';
const PRIVATE_FILE = 'signing-key.jwk.json';
const JWKS_FILE = 'jwks.json';

export interface LocalKeys {
  privateJwk: JWK;
  jwks: { keys: JWK[] };
}

/**
 * The platform's own signing key, for the embedded stack and tests only (production verifies
 * against the identity provider's JWKS). Created once in `dir` and reused, so tokens minted by
 * `npm run token` keep working across restarts.
 */
export async function loadOrCreateLocalKeys(dir: string): Promise<LocalKeys> {
  const privatePath = path.join(dir, PRIVATE_FILE);
  if (existsSync(privatePath)) return readLocalKeys(dir);
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = randomUUID();
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' }] };
  mkdirSync(dir, { recursive: true });
  writeFileSync(privatePath, JSON.stringify(privateJwk), { mode: 0o600 });
  writeFileSync(path.join(dir, JWKS_FILE), JSON.stringify(jwks));
  return { privateJwk, jwks };
}

export function readLocalKeys(dir: string): LocalKeys {
  return {
    privateJwk: JSON.parse(readFileSync(path.join(dir, PRIVATE_FILE), 'utf8')) as JWK,
    jwks: readLocalJwks(dir),
  };
}

export function readLocalJwks(dir: string): { keys: JWK[] } {
  return JSON.parse(readFileSync(path.join(dir, JWKS_FILE), 'utf8')) as { keys: JWK[] };
}

export interface TokenRequest {
  sub: string;
  roles: Role[];
  org?: string;
  issuer: string;
  audience: string;
  /** Seconds; default one hour. */
  ttl?: number;
}

export async function mintToken(keys: LocalKeys, request: TokenRequest): Promise<string> {
  const key = await importJWK(keys.privateJwk, ALG);
  return new SignJWT({ roles: request.roles, ...(request.org ? { org: request.org } : {}) })
    .setProtectedHeader({ alg: ALG, kid: keys.privateJwk.kid, typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(`${request.ttl ?? 3600}s`)
    .sign(key);
}

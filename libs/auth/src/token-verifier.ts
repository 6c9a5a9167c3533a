import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { UnauthenticatedError } from '@ccsc/platform';
import { principalFromClaims, Principal } from './principal';
import { readLocalJwks } from './local-keys';

export interface TokenVerifierOptions {
  jwksUrl?: string;
  localKeysDir?: string;
  issuer: string;
  audience: string;
  production: boolean;
}

/** How long a verified token is taken on trust before its signature is checked again, at most. */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
const VERIFIED_TOKENS = 10_000;

/** Verifies bearer JWTs against a JWKS: the identity provider's, or (embedded, tests) the platform's own. */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  /**
   * Tokens verified lately, by their exact text: a client sends the same token with every request,
   * and checking its signature again each time was a measurable share of every request's CPU. An
   * entry lives until the token expires and never longer than VERIFIED_TOKEN_TTL_MS, so the cache adds
   * at most a minute to the time a withdrawn key stays honoured (the key set's own cache, ten minutes);
   * only successes are kept.
   */
  private readonly verified = new LRUCache<string, Principal>({ max: VERIFIED_TOKENS });

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) {
      // jose caches the remote key set and refetches on an unknown kid, so key rotation just works. Its
      // ten-minute cache is kept: a shorter one fails every request within that time of the identity
      // provider becoming unreachable (jose does not fall back to the last keys it had).
      this.keys = createRemoteJWKSet(new URL(options.jwksUrl));
    } else if (options.localKeysDir && !options.production) {
      this.keys = createLocalJWKSet(readLocalJwks(options.localKeysDir));
    } else {
      throw new Error(
        options.production
          ? 'AUTH_JWKS_URL is required in production (local signing keys are for development and tests only)'
          : 'Set AUTH_JWKS_URL or AUTH_LOCAL_KEYS_DIR so tokens can be verified',
      );
    }
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
        // A token without an expiry would be good forever once leaked.
        requiredClaims: ['exp'],
      });
      const principal = principalFromClaims(payload);
      const untilExpiry = (payload.exp as number) * 1000 - Date.now();
      const ttl = Math.min(untilExpiry, VERIFIED_TOKEN_TTL_MS);
      if (ttl > 0) this.verified.set(token, principal, { ttl });
      return principal;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('The token has expired');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp')
        throw new UnauthenticatedError('The token has no expiry (exp)');
      throw new UnauthenticatedError('The token is not valid');
    }
  }

  /**
   * As `verify`, with when the token expires: something that outlives a request (a subscription's
   * connection) ends then.
   */
  async verifyUntil(token: string): Promise<{ principal: Principal; expiresAt: Date }> {
    const principal = await this.verify(token);
    // Verified, so it holds a numeric `exp` (a required claim).
    const { exp } = decodeJwt(token);
    return { principal, expiresAt: new Date((exp as number) * 1000) };
  }

  /** The token of an `Authorization: Bearer …` header, or undefined when there is none. */
  static bearerOf(header: string | string[] | undefined): string | undefined {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    return match[1];
  }
}

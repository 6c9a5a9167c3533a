import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '../config/config';

export const operationsSettings = {
  METRICS_TOKEN: env.secret(
    'Bearer token Prometheus presents to read `/metrics` and the checks behind `/health/ready`; unset, they are open outside production and closed in it',
  ),
};

/**
 * Who may read what ops see beyond "up" and "ready": the metrics, and which readiness check failed
 * and why (database errors, migrations pending). Liveness and the readiness status stay public and
 * cheap for probes; the rest is for whoever holds METRICS_TOKEN. Without one, development and tests
 * leave it open and production closes it.
 */
export class OperationsAccess {
  private readonly digest?: Buffer;

  constructor(
    token: string | undefined,
    private readonly production: boolean,
  ) {
    this.digest = token === undefined ? undefined : sha256(token);
  }

  static from(config: { METRICS_TOKEN?: string; NODE_ENV: string }): OperationsAccess {
    return new OperationsAccess(config.METRICS_TOKEN, config.NODE_ENV === 'production');
  }

  allows(authorization: string | string[] | undefined): boolean {
    if (!this.digest) return !this.production;
    const value = Array.isArray(authorization) ? authorization[0] : authorization;
    const presented = /^Bearer\s+(\S+)$/i.exec(value?.trim() ?? '')?.[1];
    // Digests of equal length, so the comparison takes the same time whatever was presented.
    return presented !== undefined && timingSafeEqual(sha256(presented), this.digest);
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

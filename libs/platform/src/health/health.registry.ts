import { Injectable } from '@nestjs/common';

export interface HealthCheckResult {
  ok: boolean;
  details?: Record<string, unknown>;
}
export type HealthCheck = () => Promise<HealthCheckResult>;

/**
 * Readiness is the sum of named checks that modules register (the database here; the outbox relay
 * and consumers when they exist). Shutting down makes the service unready at once, so the load
 * balancer stops sending traffic before the server closes.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();
  private shuttingDown = false;

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async readiness(): Promise<{ ready: boolean; checks: Record<string, HealthCheckResult> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          return [name, await check()] as const;
        } catch (error) {
          return [name, { ok: false, details: { error: (error as Error).message } }] as const;
        }
      }),
    );
    const checks: Record<string, HealthCheckResult> = Object.fromEntries(entries);
    if (this.shuttingDown) checks.shutdown = { ok: false, details: { reason: 'shutting down' } };
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CardProvider, CardStatusReport, StartedCardPayment } from '../domain/card-provider.port';

/** A callback older than this is refused, so a captured one cannot be replayed later. */
const TOLERANCE_MS = 5 * 60 * 1000;
const STATUSES = ['success', 'failed', 'cancelled', 'chargeback'] as const;

export interface SignedCallback {
  body: { providerReference: string; status: CardStatusReport['status']; amountPence: number; failureCode?: string; timestamp: string };
  /** `t=<unix ms>,v1=<hex HMAC-SHA256 of "t.reference.status.amount">`, like the providers' own schemes. */
  signature: string;
}

/**
 * A sandbox provider that behaves as a real one does: it hands out a reference and a redirect URL,
 * declines the amounts its test cards decline, and reports outcomes later in signed callbacks.
 * It keeps what it started in memory; `callbackFor` is what the provider would POST to us.
 */
@Injectable()
export class SandboxCardProvider extends CardProvider {
  private readonly started = new Map<string, { amountPence: number }>();

  constructor(private readonly secret: string) {
    super();
  }

  /** An amount ending in 98 pence finds the sandbox "unavailable", as a real provider sometimes is. */
  async start(payment: { paymentId: string; amountPence: number; returnUrl: string }): Promise<StartedCardPayment> {
    if (payment.amountPence % 100 === 98) throw new Error('card sandbox unavailable (503)');
    const providerReference = `sbx_${randomBytes(12).toString('hex')}`;
    this.started.set(providerReference, { amountPence: payment.amountPence });
    const next = new URL(`https://card.sandbox.invalid/pay/${providerReference}`);
    next.searchParams.set('return', payment.returnUrl);
    return { providerReference, nextUrl: next.toString() };
  }

  /**
   * The callback the sandbox sends once the payer has finished: an amount ending in 99 pence is
   * declined (the sandbox's "declined card"), anything else succeeds unless an outcome is forced.
   */
  callbackFor(providerReference: string, outcome?: CardStatusReport['status'], now = new Date()): SignedCallback {
    const started = this.started.get(providerReference);
    if (!started) throw new Error(`The sandbox never started ${providerReference}`);
    const status = outcome ?? (started.amountPence % 100 === 99 ? 'failed' : 'success');
    const body = {
      providerReference,
      status,
      amountPence: started.amountPence,
      ...(status === 'failed' ? { failureCode: 'card-declined' } : {}),
      timestamp: String(now.getTime()),
    };
    return { body, signature: `t=${body.timestamp},v1=${this.sign(body)}` };
  }

  verifyCallback(body: unknown, signature: string | undefined, now: Date): CardStatusReport | undefined {
    if (!signature || typeof body !== 'object' || body === null) return undefined;
    const b = body as Record<string, unknown>;
    const parts = Object.fromEntries(signature.split(',').map((p) => p.split('=', 2) as [string, string]));
    if (typeof b.providerReference !== 'string' || !STATUSES.includes(b.status as CardStatusReport['status'])) return undefined;
    if (!Number.isInteger(b.amountPence) || typeof b.timestamp !== 'string' || parts.t !== b.timestamp || !parts.v1) return undefined;
    if (Math.abs(now.getTime() - Number(b.timestamp)) > TOLERANCE_MS) return undefined;
    const expected = Buffer.from(this.sign(b as SignedCallback['body']), 'hex');
    const given = Buffer.from(parts.v1, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return {
      providerReference: b.providerReference,
      status: b.status as CardStatusReport['status'],
      amountPence: b.amountPence as number,
      ...(typeof b.failureCode === 'string' ? { failureCode: b.failureCode } : {}),
    };
  }

  private sign(body: SignedCallback['body']): string {
    return createHmac('sha256', this.secret).update(`${body.timestamp}.${body.providerReference}.${body.status}.${body.amountPence}`).digest('hex');
  }
}

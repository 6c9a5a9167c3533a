import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CardProvider, CardStatusReport, StartedCardPayment } from '../domain/card-provider.port';

/** A callback older (or, by clock drift, newer) than this is refused, so a captured one cannot be replayed later. */
const TOLERANCE_MS = 5 * 60 * 1000;
const STATUSES = ['success', 'failed', 'cancelled', 'chargeback'] as const;
/** Every field a callback may carry; anything else is refused, so nothing the handler reads escapes the signature. */
const FIELDS = new Set(['providerReference', 'status', 'amountPence', 'failureCode', 'timestamp']);

export interface SignedCallback {
  body: {
    providerReference: string;
    status: CardStatusReport['status'];
    amountPence: number;
    failureCode?: string;
    timestamp: string;
  };
  /** `t=<unix ms>,v1=<hex HMAC-SHA256 of "t." + the body as canonical JSON>`, like the providers' own schemes. */
  signature: string;
}

/**
 * A sandbox provider that behaves as a real one does: it hands out a reference and a redirect URL
 * (whose one-time token is not the reference, as with real providers), declines the amounts its test
 * cards decline, and reports outcomes later in signed callbacks. It keeps what it started in memory;
 * `callbackFor` is what the provider would POST to us.
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
    const next = new URL(`https://card.sandbox.invalid/pay/${randomBytes(16).toString('base64url')}`);
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

  /**
   * The report, only when the HMAC over the timestamp and every field of the body verifies with our
   * secret, the body has no field beyond those a report has, and the timestamp is a number of
   * milliseconds within the replay window.
   */
  verifyCallback(body: unknown, signature: string | undefined, now: Date): CardStatusReport | undefined {
    if (!signature || typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const b = body as Record<string, unknown>;
    if (Object.keys(b).some((key) => !FIELDS.has(key))) return undefined;
    const parts = new Map(signature.split(',').map((p) => p.trim().split('=', 2) as [string, string | undefined]));
    const t = parts.get('t');
    const v1 = parts.get('v1');
    if (
      typeof b.timestamp !== 'string' ||
      !/^\d{1,15}$/.test(b.timestamp) ||
      t !== b.timestamp ||
      !v1 ||
      !/^[0-9a-f]{64}$/.test(v1)
    )
      return undefined;
    if (Math.abs(now.getTime() - Number(b.timestamp)) > TOLERANCE_MS) return undefined;
    const expected = Buffer.from(this.sign(b), 'hex');
    if (!timingSafeEqual(Buffer.from(v1, 'hex'), expected)) return undefined;
    // Signed by the provider, so the shape is theirs; still checked, since a bad shape must not reach the handler.
    if (
      typeof b.providerReference !== 'string' ||
      !STATUSES.includes(b.status as CardStatusReport['status']) ||
      !Number.isSafeInteger(b.amountPence)
    )
      return undefined;
    if (b.failureCode !== undefined && typeof b.failureCode !== 'string') return undefined;
    return {
      providerReference: b.providerReference,
      status: b.status as CardStatusReport['status'],
      amountPence: b.amountPence as number,
      ...(typeof b.failureCode === 'string' ? { failureCode: b.failureCode } : {}),
    };
  }

  private sign(body: Record<string, unknown>): string {
    return createHmac('sha256', this.secret)
      .update(`${String(body.timestamp)}.${canonicalJson(body)}`)
      .digest('hex');
  }
}

/** The body's fields in a fixed (sorted) order, so the signature covers each of them whatever order they arrived in. */
function canonicalJson(body: Record<string, unknown>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(body)
        .sort()
        .map((key) => [key, body[key]]),
    ),
  );
}

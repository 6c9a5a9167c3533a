import { createHash, timingSafeEqual } from 'node:crypto';
import { DELIVERY_STATUSES, type DeliveryStatus } from './notification-sender.port';

/**
 * A delivery receipt from GOV.UK Notify's callback. The recipient (`to`) is in Notify's payload but
 * left out here: the receipt finds its item by `id` or `reference`, and the address need not travel
 * further.
 */
export interface DeliveryReceipt {
  /** Notify's id of the notification (SendResult.providerId). */
  id: string;
  /** Our reference, as sent. */
  reference: string | null;
  status: DeliveryStatus;
  notificationType: 'email' | 'sms' | 'letter';
  createdAt: Date;
  sentAt: Date | null;
  completedAt: Date | null;
}

export class DeliveryReceiptRejected extends Error {
  constructor(
    message: string,
    /** 401 for a missing or wrong token, 400 for a payload that is not a receipt. */
    readonly httpStatus: 400 | 401,
  ) {
    super(message);
    this.name = 'DeliveryReceiptRejected';
  }
}

/**
 * Whether the callback carries the bearer token we gave Notify (NOTIFY_CALLBACK_TOKEN). Both sides are
 * hashed before a constant-time comparison, so neither the token's content nor its length shows in
 * how long a wrong guess takes.
 */
export function isNotifyCallbackAuthorised(authorization: string | undefined, expectedToken: string): boolean {
  if (!expectedToken) throw new Error('The Notify callback token must not be empty');
  const match = /^Bearer (.+)$/.exec(authorization?.trim() ?? '');
  const given = createHash('sha256')
    .update(match?.[1] ?? '')
    .digest();
  const expected = createHash('sha256').update(expectedToken).digest();
  return timingSafeEqual(given, expected) && match !== null;
}

/** Checks the token and reads the receipt; throws DeliveryReceiptRejected saying which answer to give. */
export function verifyNotifyCallback(
  authorization: string | undefined,
  body: unknown,
  expectedToken: string,
): DeliveryReceipt {
  if (!isNotifyCallbackAuthorised(authorization, expectedToken))
    throw new DeliveryReceiptRejected('The delivery receipt does not carry the configured token', 401);
  return parseDeliveryReceipt(body);
}

const NOTIFICATION_TYPES = ['email', 'sms', 'letter'] as const;

/** Reads Notify's delivery-status payload, or throws naming the field that is wrong (never its value). */
export function parseDeliveryReceipt(body: unknown): DeliveryReceipt {
  const payload = typeof body === 'string' ? parse(body) : body;
  if (!payload || typeof payload !== 'object') throw rejected('the body is not a JSON object');
  const p = payload as Record<string, unknown>;
  if (typeof p.id !== 'string' || !p.id) throw rejected('id is missing');
  if (p.reference !== null && p.reference !== undefined && typeof p.reference !== 'string')
    throw rejected('reference is not a string');
  if (!DELIVERY_STATUSES.includes(p.status as DeliveryStatus)) throw rejected('status is not a known status');
  const notificationType = p.notification_type;
  if (!NOTIFICATION_TYPES.includes(notificationType as (typeof NOTIFICATION_TYPES)[number]))
    throw rejected('notification_type is not email, sms or letter');
  const createdAt = instant(p.created_at, 'created_at');
  if (!createdAt) throw rejected('created_at is missing');
  return {
    id: p.id,
    reference: (p.reference as string | null | undefined) ?? null,
    status: p.status as DeliveryStatus,
    notificationType: notificationType as DeliveryReceipt['notificationType'],
    createdAt,
    sentAt: instant(p.sent_at, 'sent_at'),
    completedAt: instant(p.completed_at, 'completed_at'),
  };
}

function instant(value: unknown, field: string): Date | null {
  if (value === null || value === undefined) return null;
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw rejected(`${field} is not a date and time`);
  return date;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw rejected('the body is not JSON');
  }
}

function rejected(problem: string): DeliveryReceiptRejected {
  return new DeliveryReceiptRejected(`Not a Notify delivery receipt: ${problem}`, 400);
}

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
const MAX_ID_LENGTH = 100;
// Ours are item ids (36 characters); Notify takes references up to 1,000.
const MAX_REFERENCE_LENGTH = 1_000;
// Notify writes `2017-05-14T12:15:30.000000Z`: ISO 8601 in UTC (an offset taken too, none read as UTC), a
// four-digit year, so the instant is always within PostgreSQL's range, unlike what `new Date` would accept
// (`-100000-01-01T00:00:00Z`, or a bare number), which would fail the write with a 500.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;

/** Reads Notify's delivery-status payload, or throws naming the field that is wrong (never its value). */
export function parseDeliveryReceipt(body: unknown): DeliveryReceipt {
  const payload = typeof body === 'string' ? parse(body) : body;
  if (!payload || typeof payload !== 'object') throw rejected('the body is not a JSON object');
  const p = payload as Record<string, unknown>;
  if (typeof p.id !== 'string' || !p.id) throw rejected('id is missing');
  // Notify's ids are UUIDs; the bound is the column that keeps the provider's id (provider_id varchar(100)).
  if (p.id.length > MAX_ID_LENGTH) throw rejected(`id is longer than ${MAX_ID_LENGTH} characters`);
  if (p.reference !== null && p.reference !== undefined && typeof p.reference !== 'string')
    throw rejected('reference is not a string');
  if (typeof p.reference === 'string' && p.reference.length > MAX_REFERENCE_LENGTH)
    throw rejected(`reference is longer than ${MAX_REFERENCE_LENGTH} characters`);
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
  if (typeof value !== 'string' || !INSTANT.test(value)) throw rejected(`${field} is not a date and time`);
  const date = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(date.getTime())) throw rejected(`${field} is not a date and time`);
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

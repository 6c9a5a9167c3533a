/**
 * What a provider says happened to a notification. The names are GOV.UK Notify's, so a delivery
 * receipt maps onto them unchanged: `created`/`sending`/`pending` before the outcome; for letters
 * `pending-virus-check`, `virus-scan-failed`, `validation-failed`, `accepted` (sent to print) and
 * `received` (posted); `cancelled` for a letter stopped before printing.
 */
export type DeliveryStatus =
  | 'created'
  | 'sending'
  | 'pending'
  | 'delivered'
  | 'permanent-failure'
  | 'temporary-failure'
  | 'technical-failure'
  | 'pending-virus-check'
  | 'virus-scan-failed'
  | 'validation-failed'
  | 'accepted'
  | 'received'
  | 'cancelled';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'created',
  'sending',
  'pending',
  'delivered',
  'permanent-failure',
  'temporary-failure',
  'technical-failure',
  'pending-virus-check',
  'virus-scan-failed',
  'validation-failed',
  'accepted',
  'received',
  'cancelled',
];

/**
 * `reference` is ours: the id of the recorded item, sent to the provider and returned in its
 * delivery receipts, so a receipt finds its item. It must not hold personal data (Notify shows it
 * in its dashboard and logs).
 */
export interface EmailNotification {
  channel: 'email';
  reference: string;
  emailAddress: string;
  subject: string;
  body: string;
}

export interface SmsNotification {
  channel: 'sms';
  reference: string;
  phoneNumber: string;
  body: string;
}

/** A letter already rendered to PDF (renderLetterPdf); the address is printed in it. */
export interface LetterNotification {
  channel: 'letter';
  reference: string;
  pdf: Uint8Array;
  postage?: 'first' | 'second' | 'economy';
}

export type Notification = EmailNotification | SmsNotification | LetterNotification;

export interface SendResult {
  /** The provider's id of the notification, which its delivery receipts carry. */
  providerId: string;
  status: DeliveryStatus;
}

/** The port every service sends through; adapters: SandboxNotificationSender, GovUkNotifySender. */
export interface NotificationSender {
  send(notification: Notification): Promise<SendResult>;
}

/**
 * A send that failed. `retryable` says whether sending the same notification again later can work
 * (the provider was down or rate-limited) or cannot (it refused the request or our credentials).
 * The message never holds the recipient, the text or the letter.
 */
export class NotificationSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'NotificationSendError';
  }
}

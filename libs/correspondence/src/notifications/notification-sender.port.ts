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
  /**
   * What the provider holds under our reference (the latest, if it somehow holds several), or undefined
   * when it holds nothing. Asked after an attempt whose outcome is unknown (a timeout, a crash, an
   * unreadable answer) before sending again: a provider need not de-duplicate on `reference`, so this
   * lookup is what keeps such an attempt from becoming a second letter. Failures are NotificationSendError.
   */
  findByReference(reference: string): Promise<SendResult | undefined>;
}

/**
 * A send (or lookup) that failed. `retryable` says whether sending the same notification again later can work
 * (the provider was down or rate-limited) or cannot (it refused the request or our credentials).
 * The message never holds the recipient, the text or the letter.
 */
export class NotificationSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus?: number,
    /**
     * Whether the provider may have taken the notification despite the error (the request went out and
     * no clear answer came back: a timeout, a dropped connection, a 5xx from a proxy, a 201 we could not
     * read). Such an attempt is looked up by reference before anything is sent again.
     */
    readonly mayHaveBeenTaken = false,
  ) {
    super(message);
    this.name = 'NotificationSendError';
  }
}

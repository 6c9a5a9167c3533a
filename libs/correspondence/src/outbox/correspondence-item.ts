import { backoffMs, type Backoff } from '@ccsc/platform/backoff';
import type { RenderLanguage } from '../language/choose-language';
import type { DeliveryStatus } from '../notifications/notification-sender.port';
import { letterAddressFits, type LetterSender } from '../render/letter-pdf';
import type { RenderedSection } from '../render/render-text';
import type { Channel } from '../templates/template-definition';

/**
 * Where an item is in its life: `pending` until the dispatcher takes it; `sending` from the moment it is
 * handed to the provider until the provider's answer is recorded (and while that answer is unknown: a
 * timeout, a crash); then `sent`, and `delivered` or `failed` as the provider reports; `undeliverable` when
 * the recipient had no way of being reached that the template goes by when it was asked for, so an
 * officer sees that they were not told.
 */
export const ITEM_STATUSES = ['pending', 'sending', 'sent', 'delivered', 'failed', 'undeliverable'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * The recipient as the item is addressed, kept with the item so a letter prints again exactly as it was
 * sent. `phone` is absent from items recorded before texts could be sent.
 */
export interface ItemRecipient {
  name: string;
  addressLines: string[] | null;
  postcode: string | null;
  email: string | null;
  phone?: string | null;
}

/** One item as recorded: its rendered text, whom it went to and how far it got. */
export interface CorrespondenceItem {
  id: string;
  requestId: string;
  /** The record it is about in the service that holds it: a case, an enquiry. */
  recordId: string;
  /** The record of whom it was addressed to: a case party, an enquiry's contact. */
  recipientId: string;
  templateId: string;
  templateVersion: number;
  language: RenderLanguage;
  channel: Channel | null;
  subject: string;
  body: string;
  sections: RenderedSection[];
  recipient: ItemRecipient;
  /** Printed on the letter: what the reader quotes back (the fine account's number, the case or enquiry reference). */
  reference: string;
  about: string | null;
  /** The service whose rule asked for it. */
  source: string;
  status: ItemStatus;
  providerStatus: DeliveryStatus | null;
  providerId: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  /** When the latest attempt was handed to the provider (set with `sending`). */
  attemptStartedAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
}

/**
 * Whether the recipient has a postal address that prints in the envelope's window (letterAddressFits). One
 * that does not would be refused by Notify, so it counts as no address.
 */
export function hasPrintableAddress(recipient: ItemRecipient): boolean {
  const { addressLines, postcode } = recipient;
  return !!addressLines?.length && !!postcode && letterAddressFits({ name: recipient.name, addressLines, postcode });
}

/**
 * Why an item has no channel, in words an officer can act on and without the recipient's details.
 */
export function undeliverableReason(recipient: ItemRecipient): string {
  const tooLong = !!recipient.addressLines?.length && !!recipient.postcode && !hasPrintableAddress(recipient);
  return tooLong
    ? 'The postal address does not fit the envelope window (more than 7 printed lines, or a line too wide to print on one line), and there is no other way to reach the recipient that this letter goes by: shorten the address lines'
    : 'No postal address, email address or phone number that this letter goes by';
}

/**
 * A letter when the recipient has a postal address (lines and postcode) that prints in the window, else an email when they have an
 * email address and the template goes by email, else a text when they have a phone number and the
 * template has a text's wording, else nothing. Post first: a court's and a fines office's notices are
 * served by post, and an email address may be old; a text last, since it carries the least.
 */
export function channelFor(recipient: ItemRecipient, templateChannels: readonly Channel[]): Channel | undefined {
  if (templateChannels.includes('letter') && hasPrintableAddress(recipient)) return 'letter';
  if (templateChannels.includes('email') && recipient.email) return 'email';
  if (templateChannels.includes('sms') && recipient.phone) return 'sms';
  return undefined;
}

// Notify's outcomes that end a notification's life; until one comes, it is on its way.
const DELIVERED: readonly DeliveryStatus[] = ['delivered', 'received'];
const FAILED: readonly DeliveryStatus[] = [
  'permanent-failure',
  'temporary-failure',
  'technical-failure',
  'virus-scan-failed',
  'validation-failed',
  'cancelled',
];

/**
 * The item's status once the provider says `status` about it. An outcome is final: a late "sending"
 * arriving after "delivered" (receipts may come out of order) changes nothing.
 */
export function statusAfterProvider(current: ItemStatus, status: DeliveryStatus): ItemStatus {
  if (current === 'undeliverable') return current;
  if (DELIVERED.includes(status)) return 'delivered';
  if (FAILED.includes(status)) return 'failed';
  return current === 'delivered' || current === 'failed' ? current : 'sent';
}

export interface RetryPolicy extends Backoff {
  maxAttempts: number;
}

/** When to try again after the `attempts`-th failed attempt (doubling, capped), or undefined to give up. */
export function nextAttemptAt(policy: RetryPolicy, attempts: number, now: Date): Date | undefined {
  if (attempts >= policy.maxAttempts) return undefined;
  return new Date(now.getTime() + backoffMs(policy, attempts));
}

/**
 * Who a letter is from: the office that answers the reader's reply. The fines office for enforcement's
 * notices (a defendant writes to it about their account), the court's service centre for the rest.
 */
export function letterSenderFor(templateId: string): LetterSender {
  return templateId.startsWith('enforcement.') ? FINES_OFFICE : COURTS_SERVICE_CENTRE;
}

const FINES_OFFICE: LetterSender = {
  name: { en: 'HMCTS Fines Collection Office', cy: 'Swyddfa Casglu Dirwyon GLlTEF' },
  addressLines: ['PO Box 12747', 'Birmingham', 'B6 9DA'],
  telephone: '0300 123 1232',
};

const COURTS_SERVICE_CENTRE: LetterSender = {
  name: { en: 'HM Courts & Tribunals Service', cy: 'Gwasanaeth Llysoedd a Thribiwnlysoedd EF' },
  addressLines: ['Courts and Tribunals Service Centre', 'PO Box 12747', 'Harlow', 'CM20 9QZ'],
  telephone: '0300 123 5577',
};

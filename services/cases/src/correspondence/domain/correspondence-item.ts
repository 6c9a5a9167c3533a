import type { Channel, DeliveryStatus, LetterSender, RenderedSection, RenderLanguage } from '@ccsc/correspondence';

/**
 * Where an item is in its life: `pending` until the dispatcher has handed it to the provider, then `sent`,
 * and `delivered` or `failed` as the provider reports; `undeliverable` when the party had neither an
 * address nor an email when it was asked for, so an officer sees that the party was not told.
 */
export const ITEM_STATUSES = ['pending', 'sent', 'delivered', 'failed', 'undeliverable'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The party as the item is addressed, kept with the item so a letter prints again exactly as it was sent. */
export interface ItemRecipient {
  name: string;
  addressLines: string[] | null;
  postcode: string | null;
  email: string | null;
}

/** One item as recorded: its rendered text, whom it went to and how far it got. */
export interface CorrespondenceItem {
  id: string;
  requestId: string;
  caseId: string;
  partyId: string;
  templateId: string;
  templateVersion: number;
  language: RenderLanguage;
  channel: Channel | null;
  subject: string;
  body: string;
  sections: RenderedSection[];
  recipient: ItemRecipient;
  /** Printed on the letter: what the reader quotes back (the fine account's number, or the case reference). */
  reference: string;
  about: string | null;
  /** The service whose rule asked for it. */
  source: string;
  status: ItemStatus;
  providerStatus: DeliveryStatus | null;
  providerId: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
}

/**
 * A letter when the party has a postal address (lines and postcode), else an email when it has an email
 * address and the template goes by email, else nothing. Post first: a court's and a fines office's
 * notices are served by post, and an email address may be old.
 */
export function channelFor(recipient: ItemRecipient, templateChannels: readonly Channel[]): Channel | undefined {
  if (templateChannels.includes('letter') && recipient.addressLines?.length && recipient.postcode) return 'letter';
  if (templateChannels.includes('email') && recipient.email) return 'email';
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

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

/** When to try again after the `attempts`-th failed attempt (doubling, capped), or undefined to give up. */
export function nextAttemptAt(policy: RetryPolicy, attempts: number, now: Date): Date | undefined {
  if (attempts >= policy.maxAttempts) return undefined;
  const delay = Math.min(policy.firstDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  return new Date(now.getTime() + delay);
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

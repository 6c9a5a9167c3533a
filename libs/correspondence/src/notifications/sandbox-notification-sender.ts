import { randomUUID } from 'node:crypto';
import type { Notification, NotificationSender, SendResult } from './notification-sender.port';

export interface SandboxSentItem {
  providerId: string;
  notification: Notification;
}

/** How many sends the sandbox keeps by default: enough for the tests, bounded for an `npm start` left running. */
export const SANDBOX_KEEPS = 1_000;

/**
 * Sends nothing: keeps what it would have sent, in memory, for the tests and for `npm start`, which
 * has no Notify account. Everything is reported delivered at once, since no receipt will ever come
 * to move it on. Only the last `keep` sends are kept (a letter's PDF is tens of KB, and a service left
 * running for days would otherwise grow for ever); an older one is forgotten, as if Notify had never
 * had it, which only matters to a lookup by reference for an attempt that old.
 */
export class SandboxNotificationSender implements NotificationSender {
  private readonly items: SandboxSentItem[] = [];

  constructor(
    private readonly newId: () => string = randomUUID,
    private readonly keep = SANDBOX_KEEPS,
  ) {
    if (!Number.isInteger(keep) || keep < 1) throw new Error('The sandbox must keep at least one send');
  }

  async send(notification: Notification): Promise<SendResult> {
    const providerId = this.newId();
    this.items.push({ providerId, notification: structuredClone(notification) });
    if (this.items.length > this.keep) this.items.splice(0, this.items.length - this.keep);
    return { providerId, status: 'delivered' };
  }

  /** As Notify answers a lookup by reference: the latest kept send under it, if any. */
  async findByReference(reference: string): Promise<SendResult | undefined> {
    const found = this.sentWithReference(reference).at(-1);
    return found ? { providerId: found.providerId, status: 'delivered' } : undefined;
  }

  /** What was sent (the last `keep` sends), oldest first. */
  sent(): readonly SandboxSentItem[] {
    return [...this.items];
  }

  /** What was sent with our reference. */
  sentWithReference(reference: string): readonly SandboxSentItem[] {
    return this.items.filter((item) => item.notification.reference === reference);
  }

  clear(): void {
    this.items.length = 0;
  }
}

import { randomUUID } from 'node:crypto';
import type { Notification, NotificationSender, SendResult } from './notification-sender.port';

export interface SandboxSentItem {
  providerId: string;
  notification: Notification;
}

/**
 * Sends nothing: keeps what it would have sent, in memory, for the tests and for `npm start`, which
 * has no Notify account. Everything is reported delivered at once, since no receipt will ever come
 * to move it on.
 */
export class SandboxNotificationSender implements NotificationSender {
  private readonly items: SandboxSentItem[] = [];

  constructor(private readonly newId: () => string = randomUUID) {}

  async send(notification: Notification): Promise<SendResult> {
    const providerId = this.newId();
    this.items.push({ providerId, notification: structuredClone(notification) });
    return { providerId, status: 'delivered' };
  }

  /** What was sent, oldest first. */
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

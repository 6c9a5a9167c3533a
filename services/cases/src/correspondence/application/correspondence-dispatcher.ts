import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationSendError, type Notification, type NotificationSender } from '@ccsc/correspondence';
import { SERVICE_CONFIG } from '@ccsc/platform';
import type { CasesConfig } from '../../config';
import { nextAttemptAt, statusAfterProvider, type RetryPolicy } from '../domain/correspondence-item';
import { CorrespondenceItem, CorrespondenceItemRepository } from '../infrastructure/correspondence-item.repository';
import { NOTIFICATION_SENDER } from '../infrastructure/notification-sender.provider';
import { letterOfItem } from './letter-of-item';

/**
 * Sends the recorded items that are due: the pending rows are the outbox of sending. Each item is claimed
 * in a transaction of its own (FOR UPDATE SKIP LOCKED, so replicas share the work and never send one item
 * at once), sent with its id as the provider's `reference`, and marked in that same transaction.
 *
 * The guarantee is at least once, with a stable reference: if the process dies after the provider took
 * the item and before the commit, the row is still pending, its lock goes with the connection, and the
 * next run sends it again under the same reference. Nothing is lost; a rare duplicate carries the same
 * reference (and, for a letter, the same bytes), so it can be recognised at the provider and in the
 * sandbox's record. No provider call can be made part of a database commit, so this is the honest bound.
 */
@Injectable()
export class CorrespondenceDispatcher {
  private readonly logger = new Logger('CorrespondenceDispatcher');
  private readonly retry: RetryPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: CorrespondenceItemRepository,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    @Inject(SERVICE_CONFIG) private readonly config: CasesConfig,
  ) {
    this.retry = {
      firstDelayMs: config.CORRESPONDENCE_RETRY_FIRST_DELAY_MS,
      maxDelayMs: config.CORRESPONDENCE_RETRY_MAX_DELAY_MS,
      maxAttempts: config.CORRESPONDENCE_MAX_ATTEMPTS,
    };
  }

  /**
   * Sends what was due when the run started, up to a batch; how many items it attempted. An item that
   * fails is due again later, so it waits for a later run rather than being tried again in this one.
   */
  async run(now = new Date()): Promise<number> {
    let attempted = 0;
    while (attempted < this.config.CORRESPONDENCE_BATCH_SIZE && (await this.sendOne(now))) attempted++;
    return attempted;
  }

  private sendOne(now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const item = await this.items.claimDue(manager, now);
      if (!item) return false;
      try {
        const result = await this.sender.send(await this.notificationOf(item));
        await this.items.markSent(manager, item.id, {
          providerId: result.providerId,
          providerStatus: result.status,
          status: statusAfterProvider('pending', result.status),
          at: now,
        });
      } catch (error) {
        const retryable = error instanceof NotificationSendError && error.retryable;
        const retryAt = retryable ? nextAttemptAt(this.retry, item.attempts + 1, now) : undefined;
        // The provider's errors say what went wrong without the recipient or the text (NotificationSendError);
        // anything else is named by its kind only, since its message may quote what it was given.
        const reason =
          error instanceof NotificationSendError ? error.message : error instanceof Error ? error.name : 'Error';
        await this.items.markAttemptFailed(manager, item.id, reason, retryAt);
        this.logger.warn(
          { itemId: item.id, attempt: item.attempts + 1, retryAt, reason },
          retryAt ? 'correspondence send failed; will retry' : 'correspondence send failed for good',
        );
      }
      return true;
    });
  }

  private async notificationOf(item: CorrespondenceItem): Promise<Notification> {
    switch (item.channel) {
      case 'letter':
        return { channel: 'letter', reference: item.id, pdf: await letterOfItem(item) };
      case 'email':
        return {
          channel: 'email',
          reference: item.id,
          emailAddress: item.recipient.email ?? '',
          subject: item.subject,
          body: item.body,
        };
      default:
        // Recorded items go by letter or email only (channelFor); a text would need a phone number kept.
        throw new Error(`No way to send an item by ${String(item.channel)}`);
    }
  }
}

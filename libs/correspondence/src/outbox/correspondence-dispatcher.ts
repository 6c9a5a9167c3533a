import { Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@ccsc/platform';
import {
  NotificationSendError,
  type Notification,
  type NotificationSender,
  type SendResult,
} from '../notifications/notification-sender.port';
import { nextAttemptAt, statusAfterProvider, type CorrespondenceItem, type RetryPolicy } from './correspondence-item';
import { CorrespondenceItemRepository, type ClaimedItem } from './correspondence-item.repository';
import type { CorrespondenceConfig } from './correspondence-settings';
import { letterOfItem } from './letter-of-item';
import { NOTIFICATION_SENDER } from './notification-sender.provider';

/**
 * Sends the recorded items that are due: the pending rows are the outbox of sending.
 *
 * At most one send per item. No provider call can be part of a database commit, and Notify does not
 * de-duplicate on `reference`, so an attempt is three steps: the row is claimed (FOR UPDATE SKIP LOCKED, so
 * replicas share the work) and committed as `sending`; the provider is called with no transaction open (no
 * lock or pooled connection is held across a call of up to NOTIFY_TIMEOUT_MS); the outcome is recorded in
 * a second short statement. Whenever the outcome is unknown (the process died after the call, the outcome
 * could not be written, the call timed out or its answer could not be read), the row stays `sending` and
 * is due again later: the provider is then asked what it holds under the item's id, and the item is sent
 * again only if it holds nothing. The wait before that lookup (the retry delay, or the lease of
 * CORRESPONDENCE_SENDING_TIMEOUT_MS after a crash) also lets a request still in flight at the provider land.
 */
@Injectable()
export class CorrespondenceDispatcher {
  private readonly logger = new Logger('CorrespondenceDispatcher');
  private readonly retry: RetryPolicy;

  constructor(
    private readonly items: CorrespondenceItemRepository,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    @Inject(SERVICE_CONFIG) private readonly config: CorrespondenceConfig,
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
    while (attempted < this.config.CORRESPONDENCE_BATCH_SIZE && (await this.attemptOne(now))) attempted++;
    return attempted;
  }

  private async attemptOne(now: Date): Promise<boolean> {
    const leaseUntil = new Date(now.getTime() + this.config.CORRESPONDENCE_SENDING_TIMEOUT_MS);
    const item = await this.items.claimDue(now, leaseUntil);
    if (!item) return false;
    const startedAt = item.attemptStartedAt ?? now;
    let result: SendResult;
    try {
      result = await this.handToProvider(item);
    } catch (error) {
      await this.recordFailure(item, startedAt, error, now);
      return true;
    }
    // Not caught: if this write fails the row stays `sending` and, once its lease is out, is looked up.
    await this.items.markSent(item.id, startedAt, {
      providerId: result.providerId,
      providerStatus: result.status,
      status: statusAfterProvider('sending', result.status),
      at: now,
    });
    return true;
  }

  /** What the provider now holds for the item: found by reference after an unknown outcome, else sent now. */
  private async handToProvider(item: ClaimedItem): Promise<SendResult> {
    if (item.previousStatus === 'sending') {
      let found: SendResult | undefined;
      try {
        found = await this.sender.findByReference(item.id);
      } catch (error) {
        throw new LookupFailed(error);
      }
      if (found) {
        this.logger.log(
          { itemId: item.id, attempt: item.attempts },
          'correspondence found at the provider; not sent again',
        );
        return found;
      }
    }
    let notification: Notification;
    try {
      notification = await this.notificationOf(item);
    } catch (error) {
      // Nothing left us: the letter could not be printed. Named by its kind only (its message may quote the text).
      throw new NotCalled(error instanceof Error ? error.name : 'Error');
    }
    return this.sender.send(notification);
  }

  private async recordFailure(item: ClaimedItem, startedAt: Date, error: unknown, now: Date): Promise<void> {
    // Anything but the provider's own "not taken" may have reached it: look it up before sending again. A
    // lookup that failed leaves the earlier attempt's outcome as unknown as it was.
    const outcomeUnknown =
      error instanceof LookupFailed ||
      (!(error instanceof NotCalled) && !(error instanceof NotificationSendError && !error.mayHaveBeenTaken));
    const retryable =
      error instanceof LookupFailed
        ? error.retryable
        : (error instanceof NotificationSendError && error.retryable) || outcomeUnknown;
    const retryAt = retryable ? nextAttemptAt(this.retry, item.attempts, now) : undefined;
    // The provider's errors say what went wrong without the recipient or the text (NotificationSendError);
    // anything else is named by its kind only, since its message may quote what it was given.
    const reason =
      error instanceof NotificationSendError || error instanceof NotCalled || error instanceof LookupFailed
        ? error.message
        : error instanceof Error
          ? error.name
          : 'Error';
    await this.items.markAttemptFailed(item.id, startedAt, { error: reason, retryAt, outcomeUnknown });
    this.logger.warn(
      { itemId: item.id, attempt: item.attempts, retryAt, reason, outcomeUnknown },
      retryAt
        ? outcomeUnknown
          ? 'correspondence send outcome unknown; will look it up at the provider'
          : 'correspondence send failed; will retry'
        : 'correspondence send failed for good',
    );
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
      case 'sms':
        // The body of a text is its text's wording (the recorder keeps that as the body).
        return { channel: 'sms', reference: item.id, phoneNumber: item.recipient.phone ?? '', body: item.body };
      default:
        // An undeliverable item is never pending, so never claimed.
        throw new Error(`No way to send an item by ${String(item.channel)}`);
    }
  }
}

/** A failure before the provider was called: certainly nothing was sent. */
class NotCalled extends Error {
  constructor(kind: string) {
    super(`Not sent: ${kind} before the provider was called`);
    this.name = 'NotCalled';
  }
}

/** The lookup by reference after an unknown outcome failed: whether the item was sent is still unknown. */
class LookupFailed extends Error {
  readonly retryable: boolean;
  constructor(cause: unknown) {
    const known = cause instanceof NotificationSendError;
    super(`Lookup by reference failed: ${known ? cause.message : cause instanceof Error ? cause.name : 'Error'}`);
    this.name = 'LookupFailed';
    this.retryable = known ? cause.retryable : true;
  }
}

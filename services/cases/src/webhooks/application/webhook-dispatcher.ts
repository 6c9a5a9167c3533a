import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@ccsc/platform';
import type { CasesConfig } from '../../config';
import { nextAttemptAfterFailure, RetrySchedule } from '../domain/retry-schedule';
import { signingSecrets } from '../domain/webhook-secret';
import { ClaimedDelivery, WebhookDeliveryRepository } from '../infrastructure/webhook-delivery.repository';
import { WebhookHttpSender } from '../infrastructure/webhook-http-sender';

/**
 * Sends the deliveries that are due. Each run claims endpoints with room left under the in-flight
 * limit and starts one attempt per endpoint without waiting for it, so the run ends at once and the
 * next one can claim other endpoints while a slow receiver is still being waited for: a slow or dead
 * endpoint holds one slot for at most the timeout and delays nobody else.
 */
@Injectable()
export class WebhookDispatcher implements BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private readonly inFlight = new Set<Promise<void>>();
  private readonly sender: WebhookHttpSender;
  private readonly schedule: RetrySchedule;
  private stopping = false;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    @Inject(SERVICE_CONFIG) private readonly config: CasesConfig,
  ) {
    this.sender = new WebhookHttpSender({ allowLoopback: config.WEBHOOK_ALLOW_LOOPBACK }, config.WEBHOOK_TIMEOUT_MS);
    this.schedule = {
      firstDelayMs: config.WEBHOOK_RETRY_FIRST_DELAY_MS,
      maxDelayMs: config.WEBHOOK_RETRY_MAX_DELAY_MS,
      windowMs: config.WEBHOOK_RETRY_WINDOW_MS,
    };
  }

  /** Starts the attempts that are due and have room; how many it started. */
  async run(): Promise<number> {
    const room = this.config.WEBHOOK_MAX_IN_FLIGHT - this.inFlight.size;
    if (this.stopping || room <= 0) return 0;
    // The claim outlives the attempt's timeout comfortably; after a crash it lapses and another replica retries.
    const claimed = await this.deliveries.claimDue(
      room,
      this.config.WEBHOOK_MAX_IN_FLIGHT_PER_FIRM,
      this.config.WEBHOOK_TIMEOUT_MS * 2 + 10_000,
    );
    for (const delivery of claimed) {
      const attempt: Promise<void> = this.attempt(delivery).finally(() => this.inFlight.delete(attempt));
      this.inFlight.add(attempt);
    }
    return claimed.length;
  }

  /** Waits for the attempts in flight (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.settled();
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    try {
      if (!delivery.visible) {
        await this.deliveries.withhold(delivery);
        return;
      }
      const attemptedAt = new Date();
      const outcome = await this.sender.send({
        url: delivery.url,
        id: delivery.id,
        body: delivery.payload,
        secrets: signingSecrets(delivery, attemptedAt),
        sentAt: attemptedAt,
      });
      const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
      await this.deliveries.recordAttempt(
        delivery,
        { attemptedAt, ...outcome },
        delivered
          ? { delivered: true }
          : {
              delivered: false,
              nextAttemptAt: nextAttemptAfterFailure(
                this.schedule,
                delivery.attempts + 1,
                delivery.windowStartedAt,
                new Date(),
              ),
            },
      );
    } catch (error) {
      // Ids only: the URL and the payload may say who the firm's client is.
      this.logger.error(
        { err: error, deliveryId: delivery.id, endpointId: delivery.endpointId },
        'webhook attempt could not be recorded; it is tried again on a later claim',
      );
      // Free the endpoint now rather than when the lease lapses, so its other deliveries are not held
      // up; fenced, so a claim another replica has taken since is left alone.
      await this.deliveries
        .releaseEndpoint(delivery)
        .catch((releaseError: unknown) =>
          this.logger.error(
            { err: releaseError, endpointId: delivery.endpointId },
            'webhook endpoint claim could not be released; it lapses with its lease',
          ),
        );
    }
  }
}

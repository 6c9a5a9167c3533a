import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { ConflictError } from '@ccsc/platform';
import { WebhookDelivery, WebhookDeliveryRepository } from '../infrastructure/webhook-delivery.repository';
import { WebhookDeliveryQueries } from './webhook-delivery.queries';
import { firmOf } from './firm-of';

@Injectable()
export class WebhookDeliveryCommands {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queries: WebhookDeliveryQueries,
  ) {}

  /** Sends a delivered or parked delivery again, as soon as the dispatcher gets to it, with the same webhook-id. */
  async replay(id: string, principal: Principal): Promise<WebhookDelivery> {
    const replayed = await this.deliveries.replay(firmOf(principal), id, new Date());
    if (replayed) return replayed;
    // Not the firm's (not found), or not in a state to replay (conflict): the query tells them apart.
    const current = await this.queries.get(id, principal);
    throw new ConflictError(
      current.status === 'pending'
        ? 'The delivery is still being tried; replay it once it is delivered or parked'
        : 'The delivery was withheld: the firm no longer represents a party on the case',
    );
  }
}

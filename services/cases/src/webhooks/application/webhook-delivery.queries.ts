import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { startAfter, NotFoundError, Page } from '@ccsc/platform';
import { WebhookDelivery, WebhookDeliveryRepository } from '../infrastructure/webhook-delivery.repository';
import { WebhookEndpointQueries } from './webhook-endpoint.queries';
import { firmOf } from './firm-of';

/**
 * The deliveries of a firm's own endpoints, with their attempt logs, about the cases the firm
 * represents a party on now: the case access rule, so a delivery about a case it no longer represents
 * is not found (see WebhookDeliveryRepository).
 */
@Injectable()
export class WebhookDeliveryQueries {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly endpoints: WebhookEndpointQueries,
  ) {}

  async forEndpoint(
    endpointId: string,
    principal: Principal,
    limit: number,
    cursor?: string,
  ): Promise<Page<WebhookDelivery>> {
    // Another firm's endpoint is not found, before anything of its deliveries is read; deliveries about
    // cases the firm no longer represents a party on are left out, as the case itself would be.
    await this.endpoints.get(endpointId, principal);
    return this.deliveries.page(firmOf(principal), endpointId, limit, startAfter(cursor, 'cursor'));
  }

  async get(id: string, principal: Principal): Promise<WebhookDelivery> {
    const delivery = await this.deliveries.find(firmOf(principal), id);
    if (!delivery) throw new NotFoundError('Webhook delivery');
    return delivery;
  }
}

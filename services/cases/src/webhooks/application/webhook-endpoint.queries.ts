import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { startAfter, NotFoundError, Page } from '@ccsc/platform';
import { WebhookEndpoint, WebhookEndpointRepository } from '../infrastructure/webhook-endpoint.repository';
import { firmOf } from './firm-of';

/** A firm's own endpoints; another firm's are not there. */
@Injectable()
export class WebhookEndpointQueries {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  list(principal: Principal, limit: number, cursor?: string): Promise<Page<WebhookEndpoint>> {
    return this.endpoints.page(firmOf(principal), limit, startAfter(cursor, 'cursor'));
  }

  async get(id: string, principal: Principal): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.find(firmOf(principal), id);
    if (!endpoint) throw new NotFoundError('Webhook endpoint');
    return endpoint;
  }
}

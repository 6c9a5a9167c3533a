import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  caseStateChangedV1,
  decisionRecordedV1,
  EventEnvelope,
  hearingListedV1,
  hearingStatusChangedV1,
} from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { audienceOfParties } from '@ccsc/case-access/rule';
import { webhookPayloadsOf } from '../domain/webhook-event-types';
import { WebhookEndpointRepository } from '../infrastructure/webhook-endpoint.repository';
import { NewDelivery, WebhookDeliveryRepository } from '../infrastructure/webhook-delivery.repository';

/**
 * Turns the cases service's own events into deliveries, in the transaction that publishes the event
 * (libs/messaging applies a service's own events there, with their inbox rows: an event redelivered
 * adds none, and a crash loses none): one per enabled endpoint subscribed to the type
 * whose firm may see the case now, by the one access rule (the firm represents a party on it).
 * What is delivered is what every firm on the case may see (domain/webhook-event-types).
 */
@Injectable()
export class WebhookDeliveriesConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  onModuleInit() {
    const handle = (event: EventEnvelope<{ caseId: string }>, manager: EntityManager) => this.plan(event, manager);
    this.handlers.on(caseStateChangedV1, handle);
    this.handlers.on(hearingListedV1, handle);
    this.handlers.on(hearingStatusChangedV1, handle);
    this.handlers.on(decisionRecordedV1, handle);
  }

  private async plan(event: EventEnvelope<{ caseId: string }>, manager: EntityManager): Promise<void> {
    const audience = await this.deliveries.caseAudience(manager, event.data.caseId);
    if (!audience) return;
    const { organisations } = audienceOfParties(audience.parties);
    const payloads = webhookPayloadsOf(event, audience.reference);
    const endpoints = await this.endpoints.subscribed(
      manager,
      organisations,
      payloads.map((p) => p.type),
    );
    const now = new Date();
    const planned: NewDelivery[] = endpoints.flatMap((endpoint) =>
      payloads
        .filter((p) => endpoint.eventTypes.includes(p.type))
        .map((p) => ({
          id: randomUUID(),
          endpointId: endpoint.id,
          eventId: event.id,
          eventType: p.type,
          caseId: event.data.caseId,
          payload: JSON.stringify(p),
          createdAt: now,
        })),
    );
    await this.deliveries.insert(manager, planned);
  }
}

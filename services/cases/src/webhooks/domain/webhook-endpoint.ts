import type { WebhookEventType } from './webhook-event-types';

/** An endpoint as its firm sees it: never its secrets. */
export interface WebhookEndpoint {
  id: string;
  organisationId: string;
  url: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  /** Until when the secret before the last rotation still signs deliveries; null outside an overlap. */
  previousSecretUntil: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

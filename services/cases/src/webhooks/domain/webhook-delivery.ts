import type { WebhookEventType } from './webhook-event-types';

/** `withheld`: the firm no longer represented a party on the case when the delivery came to be sent. */
export type DeliveryStatus = 'pending' | 'delivered' | 'parked' | 'withheld';

export interface DeliveryAttempt {
  attempt: number;
  attemptedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

export interface WebhookDelivery {
  /** Also the `webhook-id` header of every attempt. */
  id: string;
  endpointId: string;
  eventType: WebhookEventType;
  caseId: string;
  payload: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

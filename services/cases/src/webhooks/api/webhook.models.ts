import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UTC_INSTANT } from '../../api-descriptions';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../domain/webhook-event-types';
import type { EndpointWithSecret } from '../application/webhook-endpoint.commands';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import type { DeliveryAttempt, WebhookDelivery } from '../domain/webhook-delivery';

const ENDPOINT_ID = "The endpoint's id (UUID).";
const NEXT_CURSOR = 'Pass as `cursor` for the next page; null on the last page.';
const CURSOR_EXAMPLE = 'WyIyMDI3LTAzLTE1VDEwOjAwOjAwLjAwMFoiLCIzZjBiNmMxZS04ZDJhLTRjNWItOWU3Zi0xYTJiM2M0ZDVlNmYiXQ';

export class WebhookEventTypeModel {
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, example: 'hearing.listed' }) type!: WebhookEventType;
  @ApiProperty({ example: WEBHOOK_EVENT_DESCRIPTIONS['hearing.listed'] }) description!: string;

  static all(): WebhookEventTypeModel[] {
    return WEBHOOK_EVENT_TYPES.map((type) => ({ type, description: WEBHOOK_EVENT_DESCRIPTIONS[type] }));
  }
}

export class WebhookEndpointModel {
  @ApiProperty({ format: 'uuid', description: ENDPOINT_ID }) id!: string;
  @ApiProperty({ example: 'https://hooks.example-solicitors.co.uk/ccsc' }) url!: string;
  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES, example: ['case.issued', 'hearing.listed'] })
  eventTypes!: WebhookEventType[];
  @ApiProperty({ example: true, description: 'Whether deliveries are being sent.' }) enabled!: boolean;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: `Until when deliveries are also signed with the secret before the last rotation; null outside a rotation's overlap. ${UTC_INSTANT}`,
  })
  previousSecretValidUntil!: Date | null;
  @ApiProperty({ description: UTC_INSTANT }) createdAt!: Date;
  @ApiProperty({ description: UTC_INSTANT }) updatedAt!: Date;

  static from(e: WebhookEndpoint): WebhookEndpointModel {
    return {
      id: e.id,
      url: e.url,
      eventTypes: e.eventTypes,
      enabled: e.enabled,
      previousSecretValidUntil: e.previousSecretUntil,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  }
}

export class WebhookEndpointWithSecretModel extends WebhookEndpointModel {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/NSkp1bRJ2o=',
    description:
      'The signing secret (Standard Webhooks): shown this once, so store it now. Verify `webhook-signature` with it.',
  })
  secret!: string;

  static withSecret({ endpoint, secret }: EndpointWithSecret): WebhookEndpointWithSecretModel {
    return { ...WebhookEndpointModel.from(endpoint), secret };
  }
}

export class WebhookEndpointPageModel {
  @ApiProperty({ type: [WebhookEndpointModel], description: 'Your firm’s endpoints, newest first.' })
  items!: WebhookEndpointModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}

export class WebhookAttemptModel {
  @ApiProperty({ type: 'integer', example: 1, description: '1 for the first attempt, then 2, 3, ...' })
  attempt!: number;
  @ApiProperty({ description: UTC_INSTANT }) attemptedAt!: Date;
  @ApiProperty({ type: 'integer', example: 182, description: 'How long the attempt took, in milliseconds.' })
  durationMs!: number;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 500,
    description: 'The HTTP status your endpoint answered; null when it did not answer.',
  })
  statusCode!: number | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'timed out',
    description: 'Why there was no answer (timed out, connection refused, ...); null when there was one.',
  })
  error!: string | null;

  static from(a: DeliveryAttempt): WebhookAttemptModel {
    return { ...a };
  }
}

const STATUSES = ['pending', 'delivered', 'parked', 'withheld'] as const;

export class WebhookDeliveryModel {
  @ApiProperty({
    format: 'uuid',
    description: 'The delivery id, sent as `webhook-id` on every attempt (a replay too): use it to ignore repeats.',
  })
  id!: string;
  @ApiProperty({ format: 'uuid', description: ENDPOINT_ID }) endpointId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, example: 'hearing.listed' }) eventType!: WebhookEventType;
  @ApiProperty({ format: 'uuid', description: "The case's id (UUID)." }) caseId!: string;
  @ApiProperty({
    enum: STATUSES,
    example: 'delivered',
    description:
      '`pending` (being tried), `delivered` (your endpoint answered 2xx), `parked` (retries ran out; replay it), `withheld` (your firm no longer represents a party on the case when it came to be sent).',
  })
  status!: (typeof STATUSES)[number];
  @ApiProperty({
    example: {
      type: 'hearing.listed',
      timestamp: '2031-07-01T09:00:00.000Z',
      data: { caseReference: '1234567890123456', caseId: '3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f' },
    },
    description: 'The body sent, as sent.',
  })
  payload!: Record<string, unknown>;
  @ApiProperty({ type: [WebhookAttemptModel] }) attempts!: WebhookAttemptModel[];
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it is tried next, while pending.',
  })
  nextAttemptAt!: Date | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When your endpoint took it.',
  })
  deliveredAt!: Date | null;
  @ApiProperty({ description: UTC_INSTANT }) createdAt!: Date;

  static from(d: WebhookDelivery): WebhookDeliveryModel {
    return {
      id: d.id,
      endpointId: d.endpointId,
      eventType: d.eventType,
      caseId: d.caseId,
      status: d.status,
      payload: JSON.parse(d.payload) as Record<string, unknown>,
      attempts: d.attempts.map(WebhookAttemptModel.from),
      nextAttemptAt: d.nextAttemptAt,
      deliveredAt: d.deliveredAt,
      createdAt: d.createdAt,
    };
  }
}

export class WebhookDeliveryPageModel {
  @ApiProperty({ type: [WebhookDeliveryModel], description: 'The endpoint’s deliveries, newest first.' })
  items!: WebhookDeliveryModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}

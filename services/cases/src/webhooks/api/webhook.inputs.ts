import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { PageParams } from '@ccsc/platform';
import { MAX_ENDPOINT_URL_LENGTH } from '../domain/endpoint-url-policy';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../domain/webhook-event-types';

const EVENT_TYPES = `The event types to deliver, one or more of ${WEBHOOK_EVENT_TYPES.map((t) => `\`${t}\``).join(', ')}.`;

/** POST /api/v1/cases/webhooks/endpoints */
export class RegisterWebhookEndpointBody {
  @ApiProperty({
    example: 'https://hooks.example-solicitors.co.uk/ccsc',
    maxLength: MAX_ENDPOINT_URL_LENGTH,
    description: 'Where to deliver: a public https URL (no user name or password, no fragment).',
  })
  @IsString()
  @Length(1, MAX_ENDPOINT_URL_LENGTH)
  url!: string;

  @ApiProperty({
    type: [String],
    enum: WEBHOOK_EVENT_TYPES,
    example: ['case.issued', 'hearing.listed'],
    description: EVENT_TYPES,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: WebhookEventType[];
}

/** PATCH /api/v1/cases/webhooks/endpoints/{endpointId} */
export class UpdateWebhookEndpointBody {
  @ApiPropertyOptional({ example: false, description: 'false stops deliveries (they wait); true resumes them.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    type: [String],
    enum: WEBHOOK_EVENT_TYPES,
    example: ['hearing.listed'],
    description: EVENT_TYPES,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: WebhookEventType[];
}

/** GET /api/v1/cases/webhooks/endpoints and .../{endpointId}/deliveries */
export class WebhookPageQuery extends PageParams {}

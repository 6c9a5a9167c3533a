import { Module } from '@nestjs/common';
import { scheduledRun, SERVICE_CONFIG } from '@ccsc/platform';
import type { CasesConfig } from '../config';
import { WebhookDeliveryController } from './api/webhook-delivery.controller';
import { WebhookEndpointController } from './api/webhook-endpoint.controller';
import { WebhookDeliveryCommands } from './application/webhook-delivery.commands';
import { WebhookDeliveryQueries } from './application/webhook-delivery.queries';
import { WebhookDispatcher } from './application/webhook-dispatcher';
import { WebhookEndpointCommands } from './application/webhook-endpoint.commands';
import { WebhookEndpointQueries } from './application/webhook-endpoint.queries';
import { WebhookDeliveriesConsumer } from './consumers/webhook-deliveries.consumer';
import { WebhookDeliveryRepository } from './infrastructure/webhook-delivery.repository';
import { WebhookEndpointRepository } from './infrastructure/webhook-endpoint.repository';
import { WebhookSecretBox } from './infrastructure/webhook-secret-box';

/** Partner webhooks: firms' endpoints, deliveries made from the service's events, and their dispatcher. */
@Module({
  controllers: [WebhookEndpointController, WebhookDeliveryController],
  providers: [
    {
      provide: WebhookSecretBox,
      useFactory: (config: CasesConfig) => WebhookSecretBox.fromKey(config.WEBHOOK_SECRETS_KEY),
      inject: [SERVICE_CONFIG],
    },
    WebhookEndpointRepository,
    WebhookDeliveryRepository,
    WebhookEndpointCommands,
    WebhookEndpointQueries,
    WebhookDeliveryCommands,
    WebhookDeliveryQueries,
    WebhookDeliveriesConsumer,
    WebhookDispatcher,
    scheduledRun('webhook dispatcher', WebhookDispatcher, (config: CasesConfig) => config.WEBHOOK_DISPATCH_INTERVAL_MS),
  ],
})
export class WebhooksModule {}

import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, pageSize } from '@ccsc/platform';
import { WebhookDeliveryCommands } from '../application/webhook-delivery.commands';
import { WebhookDeliveryQueries } from '../application/webhook-delivery.queries';
import { WEBHOOK_MANAGERS } from './webhook-endpoint.controller';
import { WebhookPageQuery } from './webhook.inputs';
import { WebhookDeliveryModel, WebhookDeliveryPageModel } from './webhook.models';

/** What was sent to a firm's endpoints, how each attempt went, and replays. */
@ApiTags('webhooks')
@Controller('api/v1/cases/webhooks')
export class WebhookDeliveryController {
  constructor(
    private readonly commands: WebhookDeliveryCommands,
    private readonly queries: WebhookDeliveryQueries,
  ) {}

  @Get('endpoints/:endpointId/deliveries')
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({ summary: "An endpoint's deliveries with their attempts, newest first" })
  @ApiOkResponse({ type: WebhookDeliveryPageModel })
  @ApiNotFoundResponse({ description: "No such endpoint, or not your firm's" })
  async forEndpoint(
    @Param('endpointId') endpointId: string,
    @Query() query: WebhookPageQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookDeliveryPageModel> {
    const page = await this.queries.forEndpoint(
      assertUuid(endpointId, 'endpointId'),
      principal,
      pageSize(query.limit, 'limit'),
      query.cursor,
    );
    return { items: page.items.map(WebhookDeliveryModel.from), nextCursor: page.nextCursor };
  }

  @Get('deliveries/:deliveryId')
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({ summary: 'One delivery with its attempts' })
  @ApiOkResponse({ type: WebhookDeliveryModel })
  @ApiNotFoundResponse({ description: "No such delivery, or not your firm's" })
  async get(@Param('deliveryId') id: string, @CurrentPrincipal() principal: Principal) {
    return WebhookDeliveryModel.from(await this.queries.get(assertUuid(id, 'deliveryId'), principal));
  }

  @Post('deliveries/:deliveryId/replay')
  @HttpCode(200)
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({
    summary: 'Send a delivered or parked delivery again',
    description: 'A new attempt soon, with the same `webhook-id`, and a fresh day of retries if it fails again.',
  })
  @ApiOkResponse({ type: WebhookDeliveryModel, description: 'The delivery, pending again.' })
  @ApiNotFoundResponse({ description: "No such delivery, or not your firm's" })
  @ApiConflictResponse({ description: 'The delivery is still pending, or was withheld' })
  async replay(@Param('deliveryId') id: string, @CurrentPrincipal() principal: Principal) {
    return WebhookDeliveryModel.from(await this.commands.replay(assertUuid(id, 'deliveryId'), principal));
  }
}

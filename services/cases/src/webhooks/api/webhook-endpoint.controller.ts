import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles, type Role } from '@ccsc/auth';
import { assertUuid, pageSize } from '@ccsc/platform';
import { INVALID_INPUT } from '../../api-descriptions';
import { WebhookEndpointCommands } from '../application/webhook-endpoint.commands';
import { WebhookEndpointQueries } from '../application/webhook-endpoint.queries';
import { RegisterWebhookEndpointBody, UpdateWebhookEndpointBody, WebhookPageQuery } from './webhook.inputs';
import {
  WebhookEndpointModel,
  WebhookEndpointPageModel,
  WebhookEndpointWithSecretModel,
  WebhookEventTypeModel,
} from './webhook.models';

/**
 * Sends an answer that carries a signing secret straight away, instead of returning it to Nest. The
 * idempotency interceptor keeps a keyed POST's returned body for 24 hours to replay it, but gives the
 * key back, storing nothing, when the handler has written the response itself: so the plaintext secret
 * is never kept in the idempotency table, and a replay can never hand out a secret that has since been
 * rotated. A retry with the same key runs again and meets the command's own conflict (this URL is
 * registered; a rotation is under way), so it still changes nothing twice.
 */
function answerWithSecret(res: Response, status: 200 | 201, body: WebhookEndpointWithSecretModel): void {
  res.status(status).json(body);
}

/** Webhooks are a firm's integration with its own case-management system: its users manage them. */
export const WEBHOOK_MANAGERS: Role[] = ['professional'];
const NOT_YOURS = "No such endpoint, or not your firm's";

/**
 * A firm's webhook endpoints. Every route sits under `webhooks/`, two or more segments, so none can be
 * taken for a case route's `:idOrReference`; the module is registered before the case routes anyway.
 */
@ApiTags('webhooks')
@Controller('api/v1/cases/webhooks')
export class WebhookEndpointController {
  constructor(
    private readonly commands: WebhookEndpointCommands,
    private readonly queries: WebhookEndpointQueries,
  ) {}

  @Get('event-types')
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({ summary: 'The event types an endpoint may subscribe to' })
  @ApiOkResponse({ type: [WebhookEventTypeModel] })
  eventTypes(): WebhookEventTypeModel[] {
    return WebhookEventTypeModel.all();
  }

  @Post('endpoints')
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({
    summary: "Register an endpoint for your firm's webhooks",
    description:
      'Deliveries follow Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) and are about the cases your firm represents a party on. The signing secret is in this answer only.',
  })
  @ApiBody({
    type: RegisterWebhookEndpointBody,
    examples: {
      hearings: {
        summary: 'Case issue and hearings',
        value: { url: 'https://hooks.example-solicitors.co.uk/ccsc', eventTypes: ['case.issued', 'hearing.listed'] },
      },
    },
  })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretModel, description: 'The endpoint and its signing secret.' })
  @ApiBadRequestResponse({
    description: `${INVALID_INPUT}: a URL that is not public https (or is a private or reserved address), or an unknown event type`,
  })
  @ApiConflictResponse({
    description:
      'Your firm already has an endpoint for this URL (a retried registration gets this too: the secret is shown once), or already has the most endpoints a firm may register (10)',
  })
  async register(
    @Body() body: RegisterWebhookEndpointBody,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const created = await this.commands.register(body, principal);
    res.location(`/api/v1/cases/webhooks/endpoints/${created.endpoint.id}`);
    answerWithSecret(res, 201, WebhookEndpointWithSecretModel.withSecret(created));
  }

  @Get('endpoints')
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({ summary: "Your firm's endpoints, newest first" })
  @ApiOkResponse({ type: WebhookEndpointPageModel })
  async list(
    @Query() query: WebhookPageQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookEndpointPageModel> {
    const page = await this.queries.list(principal, pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(WebhookEndpointModel.from), nextCursor: page.nextCursor };
  }

  @Get('endpoints/:endpointId')
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({ summary: 'One of your firm’s endpoints' })
  @ApiOkResponse({ type: WebhookEndpointModel })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  async get(@Param('endpointId') id: string, @CurrentPrincipal() principal: Principal) {
    return WebhookEndpointModel.from(await this.queries.get(assertUuid(id, 'endpointId'), principal));
  }

  @Patch('endpoints/:endpointId')
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({ summary: 'Disable or enable an endpoint, or change its event types' })
  @ApiBody({
    type: UpdateWebhookEndpointBody,
    examples: {
      disable: { summary: 'Stop deliveries for now', value: { enabled: false } },
      types: { summary: 'Hearings only', value: { eventTypes: ['hearing.listed', 'hearing.status-changed'] } },
    },
  })
  @ApiOkResponse({ type: WebhookEndpointModel })
  @ApiBadRequestResponse({ description: `${INVALID_INPUT}, e.g. an unknown event type` })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  async update(
    @Param('endpointId') id: string,
    @Body() body: UpdateWebhookEndpointBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return WebhookEndpointModel.from(await this.commands.update(assertUuid(id, 'endpointId'), body, principal));
  }

  @Delete('endpoints/:endpointId')
  @HttpCode(204)
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({ summary: 'Delete an endpoint, with its deliveries and their log' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  async delete(@Param('endpointId') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.commands.delete(assertUuid(id, 'endpointId'), principal);
  }

  @Post('endpoints/:endpointId/rotate-secret')
  @HttpCode(200)
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({
    summary: 'Make a new signing secret',
    description:
      'Deliveries are signed with both the new and the old secret (two `v1,` signatures) until `previousSecretValidUntil`, so your receiver can switch without missing any.',
  })
  @ApiOkResponse({ type: WebhookEndpointWithSecretModel, description: 'The endpoint and its new signing secret.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({
    description:
      "A rotation's overlap is still running (the detail says until when); a retried rotation gets this too: the secret is shown once",
  })
  async rotateSecret(
    @Param('endpointId') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const rotated = await this.commands.rotateSecret(assertUuid(id, 'endpointId'), principal);
    answerWithSecret(res, 200, WebhookEndpointWithSecretModel.withSecret(rotated));
  }
}

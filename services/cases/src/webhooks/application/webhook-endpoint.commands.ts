import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { BadUserInputError, NotFoundError, SERVICE_CONFIG } from '@ccsc/platform';
import type { CasesConfig } from '../../config';
import { endpointUrlProblem } from '../domain/endpoint-url-policy';
import type { WebhookEventType } from '../domain/webhook-event-types';
import { newWebhookSecret } from '../domain/webhook-secret';
import { WebhookEndpoint, WebhookEndpointRepository } from '../infrastructure/webhook-endpoint.repository';
import { firmOf } from './firm-of';

export interface RegisterEndpointCommand {
  url: string;
  eventTypes: WebhookEventType[];
}

/** An endpoint with the secret it signs with now: returned once, when the secret is made. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

const ENDPOINT = 'Webhook endpoint';

/** A firm's changes to its own endpoints; another firm's endpoint is not found. */
@Injectable()
export class WebhookEndpointCommands {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    @Inject(SERVICE_CONFIG) private readonly config: CasesConfig,
  ) {}

  async register(command: RegisterEndpointCommand, principal: Principal): Promise<EndpointWithSecret> {
    const organisationId = firmOf(principal);
    const problem = endpointUrlProblem(command.url, { allowLoopback: this.config.WEBHOOK_ALLOW_LOOPBACK });
    if (problem) throw new BadUserInputError('The endpoint URL is not allowed', [{ field: 'url', message: problem }]);
    const now = new Date();
    const secret = newWebhookSecret();
    const endpoint: WebhookEndpoint = {
      id: randomUUID(),
      organisationId,
      url: command.url,
      eventTypes: [...new Set(command.eventTypes)],
      enabled: true,
      previousSecretUntil: null,
      createdBy: principal.sub,
      createdAt: now,
      updatedAt: now,
    };
    await this.endpoints.insert({ ...endpoint, secret });
    return { endpoint, secret };
  }

  async update(
    id: string,
    changes: { enabled?: boolean; eventTypes?: WebhookEventType[] },
    principal: Principal,
  ): Promise<WebhookEndpoint> {
    const eventTypes = changes.eventTypes && [...new Set(changes.eventTypes)];
    const updated = await this.endpoints.update(firmOf(principal), id, { ...changes, eventTypes }, new Date());
    if (!updated) throw new NotFoundError(ENDPOINT);
    return updated;
  }

  async delete(id: string, principal: Principal): Promise<void> {
    if (!(await this.endpoints.delete(firmOf(principal), id))) throw new NotFoundError(ENDPOINT);
  }

  /** A new secret; the old one keeps signing (alongside) for the configured overlap. */
  async rotateSecret(id: string, principal: Principal): Promise<EndpointWithSecret> {
    const now = new Date();
    const secret = newWebhookSecret();
    const previousUntil = new Date(now.getTime() + this.config.WEBHOOK_SECRET_OVERLAP_MS);
    const endpoint = await this.endpoints.rotateSecret(firmOf(principal), id, secret, previousUntil, now);
    if (!endpoint) throw new NotFoundError(ENDPOINT);
    return { endpoint, secret };
  }
}

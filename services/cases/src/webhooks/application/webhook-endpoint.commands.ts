import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { BadUserInputError, ConflictError, NotFoundError, SERVICE_CONFIG } from '@ccsc/platform';
import type { CasesConfig } from '../../config';
import { endpointUrlProblem, sameEndpointUrl } from '../domain/endpoint-url-policy';
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
      // As the policy and the sender read it, so a list, a log or another parser shows the same host.
      url: new URL(command.url).href,
      eventTypes: [...new Set(command.eventTypes)],
      enabled: true,
      previousSecretUntil: null,
      createdBy: principal.sub,
      createdAt: now,
      updatedAt: now,
    };
    // A cap per firm and one endpoint per URL: every case event plans one delivery per endpoint in the
    // inbox's transaction, so endpoints without limit (or copies of one URL) would let one firm make
    // every event cost more and take more of the dispatcher's slots than the other firms.
    const max = this.config.WEBHOOK_MAX_ENDPOINTS_PER_FIRM;
    const outcome = await this.endpoints.insertWithinLimit({ ...endpoint, secret }, max, sameEndpointUrl);
    if (!outcome.inserted && 'duplicateOf' in outcome)
      // Also what a retried registration gets (its secret is not kept for a replay): the secret was
      // shown once, when the endpoint was made; rotating it makes a new one.
      throw new ConflictError(
        `Your firm already has an endpoint for this URL (${outcome.duplicateOf}); its signing secret was shown once, when it was registered: rotate the secret if it is lost`,
      );
    if (!outcome.inserted)
      throw new ConflictError(
        `A firm may register at most ${max} webhook endpoints; delete one you no longer use first`,
      );
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

  /**
   * A new secret; the old one keeps signing (alongside) for the configured overlap. Refused while an
   * overlap is running, so the secret a receiver still verifies with is never dropped early (and a
   * retried rotation, whose answer is not kept for a replay, does not issue a third secret).
   */
  async rotateSecret(id: string, principal: Principal): Promise<EndpointWithSecret> {
    const organisationId = firmOf(principal);
    for (let attempt = 0; ; attempt++) {
      const now = new Date();
      const secret = newWebhookSecret();
      const previousUntil = new Date(now.getTime() + this.config.WEBHOOK_SECRET_OVERLAP_MS);
      const rotated = await this.endpoints.rotateSecret(organisationId, id, secret, previousUntil, now);
      if (!rotated) throw new NotFoundError(ENDPOINT);
      if ('endpoint' in rotated) return { endpoint: rotated.endpoint, secret };
      // The overlap ended between the update and the read: nothing to wait for, so once more.
      if (rotated.overlapUntil.getTime() > Date.now() || attempt > 0)
        throw new ConflictError(
          `The secret was rotated recently: the previous secret still signs until ${rotated.overlapUntil.toISOString()}; rotate again after that`,
        );
    }
  }
}

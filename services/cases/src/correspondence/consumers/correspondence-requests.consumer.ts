import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  enforcementCorrespondenceRequestedV1,
  paymentsCorrespondenceRequestedV1,
  type CorrespondenceRequestedV1,
  type EventEnvelope,
} from '@ccsc/contracts';
import { correspondenceRequestId, type TemplateSet } from '@ccsc/correspondence';
import { EventHandlers } from '@ccsc/messaging';
import { findCaseType } from '../../case-type/case-types';
import { feePayerRoles } from '../../case-type/domain/fee-payers';
import {
  CASES_CORRESPONDENCE_RULES,
  CASES_RECIPIENT_PLACEHOLDER,
  checkCasesCorrespondenceRules,
} from '../domain/cases-correspondence-rules';
import { CORRESPONDENCE_TEMPLATES } from '@ccsc/correspondence/outbox';
import { PartyCorrespondenceRecorder } from '../application/party-correspondence-recorder';
import { CaseAddresseeRepository } from '../infrastructure/case-addressees.repository';

/**
 * Records correspondence in the inbox transaction of the event that asks for it: other services'
 * requests (enforcement's notices about a fine account, payments' receipts and decisions), and cases' own
 * rule table (a hearing listed, moved or called off, a case issued, a decision made: to every party of the
 * case). The item and the inbox row commit together, so an event
 * handled twice, or a request repeated under a new event, is one item.
 */
@Injectable()
export class CorrespondenceRequestsConsumer implements OnModuleInit {
  private readonly logger = new Logger('CorrespondenceRequests');

  constructor(
    private readonly handlers: EventHandlers,
    private readonly recorder: PartyCorrespondenceRecorder,
    private readonly addressees: CaseAddresseeRepository,
    @Inject(CORRESPONDENCE_TEMPLATES) private readonly templates: TemplateSet,
  ) {}

  onModuleInit() {
    checkCasesCorrespondenceRules(this.templates);

    // Other services' requests (enforcement's notices, payments' receipts and decisions), one handler.
    for (const type of [enforcementCorrespondenceRequestedV1, paymentsCorrespondenceRequestedV1])
      this.handlers.on(type, (event, manager) => this.requested(event, manager));

    for (const rule of CASES_CORRESPONDENCE_RULES) {
      this.handlers.on(rule.type, async (event, manager) => {
        const caseId = rule.caseId(event.data);
        const found = await this.addressees.caseOf(manager, caseId);
        if (!found) return;
        const caseType = findCaseType(found.caseType);
        const facts = { reference: found.reference, at: new Date(event.time), ...(caseType ? { caseType } : {}) };
        if (rule.when && !rule.when(event.data, facts)) return;
        const values = rule.values(event.data, facts);
        for (const partyId of await this.addressees.partyIds(manager, caseId)) {
          await this.recorder.record(
            manager,
            {
              requestId: correspondenceRequestId(event.id, rule.template, partyId),
              caseId,
              partyId,
              template: rule.template,
              values,
              recipientNameAs: CASES_RECIPIENT_PLACEHOLDER,
              source: 'cases',
            },
            new Date(event.time),
          );
        }
      });
    }
  }

  /**
   * Another service's request. A service asks only for its own templates (enforcement for its notices,
   * payments for its receipts): a request for another's would let one service speak in another's name, a
   * bug in the sender, so the event is dead-lettered. A request naming the party is for that party; one
   * naming an account is resolved here, with cases' own parties, and records nothing (a warning with ids
   * only) when nobody on the case matches.
   */
  private async requested(event: EventEnvelope<CorrespondenceRequestedV1>, manager: EntityManager): Promise<void> {
    const d = event.data;
    if (!d.template.startsWith(`${event.source}.`))
      throw new Error(`${event.source} asked for ${d.template}, which is not one of its templates`);
    const request = {
      caseId: d.caseId,
      template: d.template,
      values: d.values,
      ...(d.recipientNameAs ? { recipientNameAs: d.recipientNameAs } : {}),
      ...(d.about ? { about: d.about } : {}),
      source: event.source,
    };
    const when = new Date(event.time);
    if (d.partyId) {
      await this.recorder.record(manager, { ...request, requestId: d.requestId, partyId: d.partyId }, when);
      return;
    }
    const account = d.userId ? { userId: d.userId } : d.organisationId ? { organisationId: d.organisationId } : null;
    // The contract's check refuses a request naming nobody; one that got past it is the sender's bug.
    if (!account) throw new Error(`${event.source} asked for ${d.template} naming no recipient`);
    const partyIds = await this.partiesOf(manager, d.caseId, account);
    if (partyIds.length === 0) {
      this.logger.warn(
        { eventId: event.id, requestId: d.requestId, caseId: d.caseId, source: event.source, template: d.template },
        'correspondence requested for an account that is no party of the case: nothing recorded',
      );
      return;
    }
    // One item per party, each under an id of the request and the party, so a replay is the same items.
    for (const partyId of partyIds)
      await this.recorder.record(
        manager,
        { ...request, requestId: correspondenceRequestId(d.requestId, d.template, partyId), partyId },
        when,
      );
  }

  /**
   * The parties an account stands for on the case: a citizen's own party; the parties a firm represents.
   * A firm acting for several parties writes to each of them on the side that pays the case's fees, when
   * any does: the requests naming an account are about fees (payments'), which are that side's business
   * only (the other side would learn of a remission), and each of the firm's clients there is as much
   * the payer as another, so none is left out by an arbitrary pick.
   */
  private async partiesOf(
    manager: EntityManager,
    caseId: string,
    account: { userId: string } | { organisationId: string },
  ): Promise<string[]> {
    const matches = await this.addressees.partiesByAccount(manager, caseId, account);
    const [first] = matches;
    if (!first || matches.length === 1) return matches.map((m) => m.partyId);
    const payers = feePayerRoles(findCaseType(first.caseType));
    const paying = matches.filter((m) => payers.has(m.role));
    return (paying.length > 0 ? paying : matches).map((m) => m.partyId);
  }
}

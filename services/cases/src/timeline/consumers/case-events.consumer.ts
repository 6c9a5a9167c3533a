import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  caseCreatedV1, CaseCreatedV1, caseStateChangedV1, CaseStateChangedV1, EventEnvelope,
  partyAddedV1, PartyAddedV1, partyUpdatedV1, PartyUpdatedV1, representationChangedV1, RepresentationChangedV1,
  documentReceivedV1, DocumentReceivedV1, documentReviewedV1, DocumentReviewedV1, assistedDigitalReferralChangedV1, AssistedDigitalReferralChangedV1,
  caseResultedV1, CaseResultedV1, decisionRecordedV1, DecisionRecordedV1,
} from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { TimelineEntryEntity } from '../infrastructure/timeline.entity';

/**
 * Builds each case's timeline from events, its own included: every event that names a case
 * lands in one history; the other services' events are in service-events.consumer.ts.
 */
@Injectable()
export class CaseEventsConsumer implements OnModuleInit {
  constructor(private readonly handlers: EventHandlers) {}

  onModuleInit() {
    this.handlers.on(caseCreatedV1, (event, manager) => {
      const data = event.data as CaseCreatedV1;
      return recordOnTimeline(manager, event, data.caseId, `Case opened as ${data.caseType}, state ${data.state}`);
    });
    this.handlers.on(caseStateChangedV1, (event, manager) => {
      const data = event.data as CaseStateChangedV1;
      return recordOnTimeline(manager, event, data.caseId, `${data.event}: ${data.from} → ${data.to}`);
    });
    this.handlers.on(partyAddedV1, (event, manager) => {
      const data = event.data as PartyAddedV1;
      return recordOnTimeline(manager, event, data.caseId, `Party added as ${data.role}`);
    });
    this.handlers.on(partyUpdatedV1, (event, manager) => {
      const data = event.data as PartyUpdatedV1;
      return recordOnTimeline(manager, event, data.caseId, `Party details changed: ${data.fields.join(', ')}`);
    });
    this.handlers.on(representationChangedV1, (event, manager) => {
      const data = event.data as RepresentationChangedV1;
      return recordOnTimeline(manager, event, data.caseId, `Representation changed from ${data.from ?? 'none'} to ${data.to ?? 'none'}`);
    });
    this.handlers.on(documentReceivedV1, (event, manager) => {
      const data = event.data as DocumentReceivedV1;
      return recordOnTimeline(manager, event, data.caseId, `Document received (${data.documentType}) by ${data.channel}: ${data.status}`);
    });
    this.handlers.on(documentReviewedV1, (event, manager) => {
      const data = event.data as DocumentReviewedV1;
      return recordOnTimeline(manager, event, data.caseId, `Document ${data.decision}`);
    });
    this.handlers.on(assistedDigitalReferralChangedV1, (event, manager) => {
      const data = event.data as AssistedDigitalReferralChangedV1;
      return recordOnTimeline(manager, event, data.caseId, `Assisted-digital referral ${data.status}`);
    });
    this.handlers.on(caseResultedV1, (event, manager) => {
      const data = event.data as CaseResultedV1;
      const total = data.impositions.reduce((sum, i) => sum + i.amountPence, 0);
      return recordOnTimeline(manager, event, data.caseId, `Resulted: ${data.outcome}${total ? ` (impositions £${(total / 100).toFixed(2)})` : ''}`);
    });
    this.handlers.on(decisionRecordedV1, (event, manager) => {
      const data = event.data as DecisionRecordedV1;
      return recordOnTimeline(manager, event, data.caseId, `Decision${data.supersedes ? ' (superseding an earlier one)' : ''}: ${data.outcome}`);
    });
  }
}

/** One entry on a case's timeline, keyed by event and case, so a redelivery adds nothing. */
export async function recordOnTimeline(manager: EntityManager, event: EventEnvelope, caseId: string, summary: string): Promise<void> {
  await manager.insert(TimelineEntryEntity, {
    eventId: event.id,
    caseId,
    type: event.type,
    source: event.source,
    summary,
    actor: event.actor ?? null,
    occurredAt: new Date(event.time),
  });
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlaceholderValues } from '@ccsc/correspondence';
import { CorrespondenceRecorder } from '@ccsc/correspondence/outbox';
import { PARTY_ROLE_NAMES, type PartyRole } from '../../case/domain/party';
import { TimelineRepository } from '../../timeline/infrastructure/timeline.repository';
import { CORRESPONDENCE_TIMELINE_TYPE } from '../../timeline/domain/timeline-kind';
import { correspondenceSummary } from '../../timeline/domain/correspondence-summary';
import { CaseAddresseeRepository } from '../infrastructure/case-addressees.repository';

/** A letter or email asked for: by another service's event, or by one of cases' own rules. */
export interface CorrespondenceRequest {
  requestId: string;
  caseId: string;
  partyId: string;
  template: string;
  values: PlaceholderValues;
  /** The placeholder that takes the party's name. */
  recipientNameAs?: string;
  about?: string;
  /** The service whose rule asked. */
  source: string;
}

/** A request that cannot be addressed: the party is not one of the case's (a wiring mistake, dead-lettered). */
export class UnknownAddresseeError extends Error {
  constructor() {
    super('The correspondence request names a party that is not on its case');
    this.name = 'UnknownAddresseeError';
  }
}

/**
 * Correspondence to a case party, inside the caller's transaction (the inbox's): reads the party (its
 * name, address, email and language), has libs/correspondence's recorder render and record the item,
 * and adds a timeline entry for staff and that party. A request recorded already changes nothing. The
 * dispatcher sends what is recorded here.
 */
@Injectable()
export class PartyCorrespondenceRecorder {
  constructor(
    private readonly recorder: CorrespondenceRecorder,
    private readonly addressees: CaseAddresseeRepository,
    private readonly timeline: TimelineRepository,
  ) {}

  /** The item's id when it was recorded now, undefined when the request was recorded before. */
  async record(manager: EntityManager, request: CorrespondenceRequest, now = new Date()): Promise<string | undefined> {
    // Asked again (a repeated run, a request sent under a new event id): the first is the item.
    if (await this.recorder.isRecorded(manager, request.requestId)) return undefined;
    const addressee = await this.addressees.addressee(manager, request.caseId, request.partyId);
    if (!addressee) throw new UnknownAddresseeError();
    const recorded = await this.recorder.record(
      manager,
      {
        requestId: request.requestId,
        recordId: request.caseId,
        recipient: {
          id: request.partyId,
          name: addressee.name,
          language: addressee.preferredLanguage ?? 'unknown',
          addressLines: addressee.addressLines,
          postcode: addressee.postcode,
          email: addressee.email,
        },
        template: request.template,
        values: request.values,
        ...(request.recipientNameAs ? { recipientNameAs: request.recipientNameAs } : {}),
        reference: request.about ?? addressee.caseReference,
        ...(request.about ? { about: request.about } : {}),
        source: request.source,
      },
      now,
    );
    if (!recorded) return undefined;
    const summary = correspondenceSummary({
      ...(recorded.channel ? { channel: recorded.channel } : {}),
      language: recorded.language,
      to: PARTY_ROLE_NAMES[addressee.role as PartyRole]?.en ?? 'party',
      template: recorded.template.id,
    });
    await this.timeline.insert(manager, {
      eventId: recorded.id,
      caseId: request.caseId,
      type: CORRESPONDENCE_TIMELINE_TYPE,
      source: 'cases',
      summary: request.about ? `${summary} (${request.about})` : summary,
      actor: null,
      occurredAt: now,
      // Staff and the party it was sent to (and whoever acts for that party); never the other side.
      audience: 'parties',
      partyIds: [request.partyId],
    });
    return recorded.id;
  }
}

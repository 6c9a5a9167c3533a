import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chooseLanguage, render, type TemplateSet } from '@ccsc/correspondence';
import { PARTY_ROLE_NAMES, type PartyRole } from '../../case/domain/party';
import { TimelineRepository } from '../../timeline/infrastructure/timeline.repository';
import { CORRESPONDENCE_TIMELINE_TYPE } from '../../timeline/domain/timeline-kind';
import { channelFor, type ItemRecipient } from '../domain/correspondence-item';
import { postcodeInWales } from '../domain/in-wales';
import { CorrespondenceItemRepository } from '../infrastructure/correspondence-item.repository';

export const CORRESPONDENCE_TEMPLATES = Symbol('CORRESPONDENCE_TEMPLATES');

/** A letter or email asked for: by another service's event, or by one of cases' own rules. */
export interface CorrespondenceRequest {
  requestId: string;
  caseId: string;
  partyId: string;
  template: string;
  values: Record<string, string | number>;
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

const CHANNEL_NAMES = { letter: 'Letter', email: 'Email', sms: 'Text message' } as const;
const LANGUAGE_NAMES = { en: 'English', cy: 'Welsh', bilingual: 'Welsh and English' } as const;

/**
 * Turns a request into a recorded item, inside the caller's transaction (the inbox's): reads the party,
 * chooses the language and the channel, renders the text now (so the item shows what was said even if
 * the template changes later) and records it with a timeline entry for staff and that party. A request
 * recorded already changes nothing. The dispatcher sends what is recorded here.
 */
@Injectable()
export class CorrespondenceRecorder {
  constructor(
    private readonly items: CorrespondenceItemRepository,
    private readonly timeline: TimelineRepository,
    @Inject(CORRESPONDENCE_TEMPLATES) private readonly templates: TemplateSet,
  ) {}

  /** The item's id when it was recorded now, undefined when the request was recorded before. */
  async record(manager: EntityManager, request: CorrespondenceRequest, now = new Date()): Promise<string | undefined> {
    // Asked again (a repeated run, a request sent under a new event id): the first is the item.
    if (await this.items.isRecorded(manager, request.requestId)) return undefined;
    const addressee = await this.items.addressee(manager, request.caseId, request.partyId);
    if (!addressee) throw new UnknownAddresseeError();
    const template = this.templates.get(request.template);
    const recipient: ItemRecipient = {
      name: addressee.name,
      addressLines: addressee.addressLines?.length ? addressee.addressLines : null,
      postcode: addressee.postcode,
      email: addressee.email,
    };
    const channel = channelFor(recipient, template.channels);
    const language = chooseLanguage({
      preference: addressee.preferredLanguage,
      channel: channel ?? 'letter',
      inWales: postcodeInWales(addressee.postcode),
      ...(template.bilingualWhenPreferenceUnknown ? { bilingualWhenPreferenceUnknown: true } : {}),
    });
    const values = request.recipientNameAs
      ? { ...request.values, [request.recipientNameAs]: addressee.name }
      : request.values;
    const text = render(template, language, values);
    const id = randomUUID();
    const recorded = await this.items.insert(manager, {
      id,
      requestId: request.requestId,
      caseId: request.caseId,
      partyId: request.partyId,
      templateId: template.id,
      templateVersion: template.version,
      language,
      channel: channel ?? null,
      subject: text.subject,
      body: text.body,
      sections: text.sections,
      recipient,
      reference: request.about ?? addressee.caseReference,
      about: request.about ?? null,
      source: request.source,
      status: channel ? 'pending' : 'undeliverable',
      providerStatus: null,
      providerId: null,
      attempts: 0,
      nextAttemptAt: channel ? now : null,
      createdAt: now,
      sentAt: null,
      deliveredAt: null,
      lastError: null,
    });
    if (!recorded) return undefined;
    // The party's role and the template's description, never the party's name or address: a timeline
    // line is read in lists and exports.
    const to = PARTY_ROLE_NAMES[addressee.role as PartyRole]?.en ?? 'party';
    const what = template.description;
    const summary = channel
      ? `${CHANNEL_NAMES[channel]} to the ${to} (${LANGUAGE_NAMES[language]}): ${what}`
      : `Not sent: the ${to} has no postal address or email held: ${what}`;
    await this.timeline.insert(manager, {
      eventId: id,
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
    return id;
  }
}

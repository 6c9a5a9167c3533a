import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chooseLanguage, type LanguagePreference, type RenderLanguage } from '../language/choose-language';
import type { PlaceholderValues } from '../render/format-placeholder-value';
import { render } from '../render/render-text';
import type { Template, TemplateSet } from '../templates/load-templates';
import type { Channel } from '../templates/template-definition';
import { channelFor, undeliverableReason, type ItemRecipient } from './correspondence-item';
import { CorrespondenceItemRepository } from './correspondence-item.repository';
import { postcodeInWales } from './in-wales';

/** The loaded template set (loadTemplates), checked at start: a broken template stops the service. */
export const CORRESPONDENCE_TEMPLATES = Symbol('CORRESPONDENCE_TEMPLATES');

/**
 * Whom an item goes to, as the service that holds them has read them in the recording transaction: a
 * case party (cases), an enquiry's contact (queries). Nothing here is read again later: the item keeps
 * the name and address it was sent to.
 */
export interface ResolvedRecipient {
  /** The recipient's record: the party, the contact. The service's access rule reads it. */
  id: string;
  name: string;
  language: LanguagePreference;
  addressLines?: readonly string[] | null;
  postcode?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** An item to render and record for a recipient already resolved. */
export interface CorrespondenceToRecord {
  /** One item per request id (correspondenceRequestId): asked again, nothing more is recorded. */
  requestId: string;
  /** What it is about in this service: the case, the enquiry. */
  recordId: string;
  recipient: ResolvedRecipient;
  template: string;
  values: PlaceholderValues;
  /** The placeholder that takes the recipient's name, if any. */
  recipientNameAs?: string;
  /** Printed on a letter: what the reader quotes back (the case or enquiry reference, the account number). */
  reference: string;
  /** What it is about in the service that asked for it, when that is another service. */
  about?: string;
  /** The service whose rule asked. */
  source: string;
}

/** What was recorded: enough for the service's own note of it (a timeline entry), never the text. */
export interface RecordedCorrespondence {
  id: string;
  template: Template;
  language: RenderLanguage;
  /** Absent when the item is `undeliverable`: the recipient had no way the template goes by. */
  channel?: Channel;
}

/**
 * Turns a request for a resolved recipient into a recorded item, inside the caller's transaction (the
 * inbox's): chooses the channel and the language, renders the text now (so the item shows what was said
 * even if the template changes later) and records it, pending for the dispatcher, or `undeliverable`.
 * A request recorded already changes nothing.
 */
@Injectable()
export class CorrespondenceRecorder {
  constructor(
    private readonly items: CorrespondenceItemRepository,
    @Inject(CORRESPONDENCE_TEMPLATES) private readonly templates: TemplateSet,
  ) {}

  /** Whether the request has an item already: a caller may skip resolving its recipient. */
  isRecorded(manager: EntityManager, requestId: string): Promise<boolean> {
    return this.items.isRecorded(manager, requestId);
  }

  /** The item recorded now, or undefined when the request was recorded before. */
  async record(
    manager: EntityManager,
    request: CorrespondenceToRecord,
    now = new Date(),
  ): Promise<RecordedCorrespondence | undefined> {
    const template = this.templates.get(request.template);
    const to = request.recipient;
    const recipient: ItemRecipient = {
      name: to.name,
      addressLines: to.addressLines?.length ? [...to.addressLines] : null,
      postcode: to.postcode ?? null,
      email: to.email ?? null,
      phone: to.phone ?? null,
    };
    const channel = channelFor(recipient, template.channels);
    const language = chooseLanguage({
      preference: to.language,
      channel: channel ?? 'letter',
      inWales: postcodeInWales(recipient.postcode),
      ...(template.bilingualWhenPreferenceUnknown ? { bilingualWhenPreferenceUnknown: true } : {}),
    });
    const values = request.recipientNameAs ? { ...request.values, [request.recipientNameAs]: to.name } : request.values;
    const text = render(template, language, values);
    const id = randomUUID();
    const recorded = await this.items.insert(manager, {
      id,
      requestId: request.requestId,
      recordId: request.recordId,
      recipientId: to.id,
      templateId: template.id,
      templateVersion: template.version,
      language,
      channel: channel ?? null,
      subject: text.subject,
      // A text is its text's wording; a letter or an email the full body.
      body: channel === 'sms' ? (text.sms ?? text.body) : text.body,
      sections: text.sections,
      recipient,
      reference: request.reference,
      about: request.about ?? null,
      source: request.source,
      status: channel ? 'pending' : 'undeliverable',
      providerStatus: null,
      providerId: null,
      attempts: 0,
      nextAttemptAt: channel ? now : null,
      attemptStartedAt: null,
      createdAt: now,
      sentAt: null,
      deliveredAt: null,
      // An officer reads why it was not sent; the reason names no detail of the recipient.
      lastError: channel ? null : undeliverableReason(recipient),
    });
    if (!recorded) return undefined;
    return { id, template, language, ...(channel ? { channel } : {}) };
  }
}

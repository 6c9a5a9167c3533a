import { randomInt, randomUUID } from 'node:crypto';
import type { CaseAccessChangedV2, CaseAccessPartyV2, EventEnvelope, EventType } from '@ccsc/contracts';
import { InProcessTransport, type TransportMessage } from '@ccsc/messaging';

export interface EnvelopeOptions {
  id?: string;
  time?: Date | string;
  actor?: string;
}

/** Another service's event, exactly as its outbox writes it. */
export function eventEnvelope<T extends object>(
  type: EventType<T>,
  subject: string,
  data: T,
  options: EnvelopeOptions = {},
): EventEnvelope<T> {
  const time = options.time ?? new Date();
  return {
    specversion: '1.0',
    id: options.id ?? randomUUID(),
    source: type.source,
    type: type.type,
    subject,
    time: typeof time === 'string' ? time : time.toISOString(),
    datacontenttype: 'application/json',
    actor: options.actor ?? 'system',
    data,
  };
}

/** The event as its relay puts it on the bus: on its topic, keyed by its subject. */
export function eventMessage<T extends object>(
  type: EventType<T>,
  subject: string,
  data: T,
  options: EnvelopeOptions = {},
): TransportMessage {
  return messageOf(type, eventEnvelope(type, subject, data, options));
}

const messageOf = (type: EventType<object>, envelope: EventEnvelope): TransportMessage => ({
  topic: type.topic,
  key: envelope.subject,
  value: JSON.stringify(envelope),
  headers: {},
});

/** Publishes another service's event on the process's in-process bus, as its relay would; returns the envelope. */
export async function publishEvent<T extends object>(
  type: EventType<T>,
  subject: string,
  data: T,
  options: EnvelopeOptions = {},
): Promise<EventEnvelope<T>> {
  const envelope = eventEnvelope(type, subject, data, options);
  await InProcessTransport.shared().publish([messageOf(type, envelope)]);
  return envelope;
}

/** A 16-digit case reference for a case announced in a test; random, since references are unique. */
export const testCaseReference = () => Array.from({ length: 16 }, (_, i) => randomInt(i === 0 ? 1 : 0, 10)).join('');

let accessSequence = 0;

/**
 * `cases.case-access-changed.v2` data for a case announced in a test: the given parties, or one
 * claimant per firm and per citizen account. Sequences rise through the run, so a later
 * announcement of the same case replaces an earlier one, as the case's version would. The claimants
 * pay the case's fees, as in a money claim.
 */
export function caseAccessData(
  caseId: string,
  reference: string,
  audience: { organisations?: readonly string[]; users?: readonly string[]; parties?: CaseAccessPartyV2[] } = {},
  sequence = ++accessSequence,
): CaseAccessChangedV2 {
  const parties = audience.parties ?? [
    ...(audience.organisations ?? []).map((organisationId) => ({
      partyId: randomUUID(),
      role: 'claimant',
      organisationId,
      paysFees: true,
    })),
    ...(audience.users ?? []).map((userId) => ({ partyId: randomUUID(), role: 'claimant', userId, paysFees: true })),
  ];
  return { caseId, reference, sequence, parties };
}

/**
 * CloudEvents 1.0 envelope of every integration event, plus the correlation and causation
 * extensions that let one request be followed across services, and the acting user for audit.
 */
export interface EventEnvelope<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  /** `<service>.<event-name>.v<version>`, e.g. `cases.case-created.v1`; a breaking change is a new version. */
  type: string;
  /** The aggregate the event is about; also the Kafka key, so one aggregate's events stay in order. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
  correlationid?: string;
  causationid?: string;
  /** Who caused it (the token's subject, or `system`); never personal data. */
  actor?: string;
  /** W3C trace context of the command that caused it (CloudEvents distributed-tracing extension). */
  traceparent?: string;
  tracestate?: string;
}

/**
 * How far ahead of this machine's clock an event's time may be, by default (`EVENT_CLOCK_SKEW_MS`). Clocks drift by seconds; an event
 * dated further ahead is forged or broken, and would otherwise outrank every real event after it.
 */
export const MAX_EVENT_CLOCK_SKEW_MS = 5 * 60_000;

/** Parses and checks the envelope fields of a message; the data is checked by its event type's schema. */
export function parseEnvelope(
  raw: string,
  { now = new Date(), maxSkewMs = MAX_EVENT_CLOCK_SKEW_MS }: { now?: Date; maxSkewMs?: number } = {},
): EventEnvelope {
  const value = JSON.parse(raw) as Partial<EventEnvelope>;
  for (const field of ['id', 'source', 'type', 'subject', 'time'] as const) {
    if (typeof value[field] !== 'string' || !value[field]) throw new Error(`The event envelope has no ${field}`);
  }
  if (value.specversion !== '1.0') throw new Error('The event envelope is not CloudEvents 1.0');
  // The id is the inbox key: it must be a UUID.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value.id ?? ''))
    throw new Error('The event id is not a UUID');
  // CloudEvents time is RFC 3339 with a zone.
  const stamp = value.time ?? '';
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(stamp)
    ? Date.parse(stamp)
    : NaN;
  if (Number.isNaN(time)) throw new Error('The event time is not an RFC 3339 timestamp');
  if (time > now.getTime() + maxSkewMs) throw new Error('The event time is in the future');
  return value as EventEnvelope;
}

import { randomUUID } from 'node:crypto';
import { MAX_EVENT_CLOCK_SKEW_MS, parseEnvelope } from './envelope';

const now = new Date('2026-12-03T12:00:00Z');
const envelope = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    specversion: '1.0',
    id: randomUUID(),
    source: 'cases',
    type: 'cases.case-created.v1',
    subject: 's',
    time: '2026-12-03T11:59:00Z',
    datacontenttype: 'application/json',
    data: {},
    ...overrides,
  });

describe('parseEnvelope', () => {
  it('accepts a CloudEvents envelope dated now, in the past, or a little ahead (clock drift)', () => {
    expect(parseEnvelope(envelope(), { now }).subject).toBe('s');
    expect(parseEnvelope(envelope({ time: '2020-01-01T00:00:00.123+01:00' }), { now }).time).toBe(
      '2020-01-01T00:00:00.123+01:00',
    );
    expect(() =>
      parseEnvelope(envelope({ time: new Date(now.getTime() + MAX_EVENT_CLOCK_SKEW_MS).toISOString() }), { now }),
    ).not.toThrow();
  });

  it('refuses an event dated in the future beyond the skew, which would outrank every real event', () => {
    expect(() => parseEnvelope(envelope({ time: '9999-12-31T23:59:59Z' }), { now })).toThrow('in the future');
    expect(() =>
      parseEnvelope(envelope({ time: new Date(now.getTime() + MAX_EVENT_CLOCK_SKEW_MS + 1).toISOString() }), { now }),
    ).toThrow('in the future');
    // The tolerance is the consumer's setting.
    expect(() => parseEnvelope(envelope({ time: '2026-12-03T12:01:00Z' }), { now, maxSkewMs: 0 })).toThrow(
      'in the future',
    );
    expect(parseEnvelope(envelope({ time: '2026-12-20T12:00:00Z' }), { now, maxSkewMs: 31 * 86_400_000 }).time).toBe(
      '2026-12-20T12:00:00Z',
    );
  });

  it.each([['not a date'], ['2026-12-03'], ['2026-13-45T99:00:00Z'], ['1733227200000']])(
    'refuses a time that is not an RFC 3339 timestamp: %s',
    (time) => {
      expect(() => parseEnvelope(envelope({ time }), { now })).toThrow('RFC 3339');
    },
  );

  it('refuses envelopes without their required fields, another spec version, or a non-UUID id', () => {
    expect(() => parseEnvelope(envelope({ subject: '' }), { now })).toThrow('no subject');
    expect(() => parseEnvelope(envelope({ specversion: '0.3' }), { now })).toThrow('CloudEvents 1.0');
    expect(() => parseEnvelope(envelope({ id: '1' }), { now })).toThrow('UUID');
  });
});

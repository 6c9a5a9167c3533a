import { parseInstant } from './instant';

describe('parseInstant', () => {
  it('takes a date-time with an offset', () => {
    expect(parseInstant('2026-04-02T19:55:00+01:00')?.toISOString()).toBe('2026-04-02T18:55:00.000Z');
    expect(parseInstant('2025-12-19T10:00Z')?.toISOString()).toBe('2025-12-19T10:00:00.000Z');
  });

  it('refuses one without an offset, an impossible day, and what is not a string', () => {
    expect(parseInstant('2026-04-02T19:55:00')).toBeUndefined();
    expect(parseInstant('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(parseInstant('2026-04-02T24:00:00Z')).toBeUndefined();
    expect(parseInstant(1_775_000_000_000)).toBeUndefined();
  });

  it('refuses years the working-day calendar does not cover', () => {
    expect(parseInstant('1000-01-01T00:00:00Z')).toBeUndefined();
    expect(parseInstant('9999-12-31T23:59:59Z')).toBeUndefined();
    expect(parseInstant('1978-01-02T09:00:00Z')?.toISOString()).toBe('1978-01-02T09:00:00.000Z');
  });
});

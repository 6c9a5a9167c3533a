import {
  addDays,
  dayOfWeek,
  isLocalDate,
  localDate,
  londonInstant,
  londonLocalDate,
  londonLocalDateTime,
  parseLocalDate,
} from './local-date';

describe('LocalDate', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-04-31')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-1')).toBe(false);
    expect(isLocalDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isLocalDate(20260101)).toBe(false);
  });

  it('parses and builds dates', () => {
    expect(parseLocalDate('2026-12-23')).toEqual({ year: 2026, month: 12, day: 23 });
    expect(localDate(2026, 4, 3)).toBe('2026-04-03');
    expect(() => parseLocalDate('2026-02-30')).toThrow(RangeError);
    expect(() => localDate(2026, 2, 30)).toThrow('Invalid local date "2026-02-30"');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('names the day of the week', () => {
    expect(dayOfWeek('2026-12-23')).toBe('wednesday');
    expect(dayOfWeek('2026-12-25')).toBe('friday');
    expect(dayOfWeek('2027-12-25')).toBe('saturday');
    expect(dayOfWeek('2022-12-25')).toBe('sunday');
    expect(dayOfWeek('2026-03-30')).toBe('monday');
  });
});

describe('Europe/London conversion', () => {
  it('gives the London day of an instant, which in BST is not the UTC day late at night', () => {
    expect(londonLocalDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    expect(londonLocalDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonLocalDateTime(new Date('2026-06-30T23:30:00.123Z'))).toEqual({
      date: '2026-07-01',
      time: '00:30:00.123',
    });
  });

  it('follows the clocks going forward at 01:00 UTC on the last Sunday of March', () => {
    expect(londonLocalDateTime(new Date('2026-03-29T00:59:59.999Z'))).toEqual({
      date: '2026-03-29',
      time: '00:59:59.999',
    });
    expect(londonLocalDateTime(new Date('2026-03-29T01:00:00.000Z'))).toEqual({
      date: '2026-03-29',
      time: '02:00:00.000',
    });
  });

  it('follows the clocks going back at 01:00 UTC on the last Sunday of October', () => {
    expect(londonLocalDateTime(new Date('2026-10-25T00:30:00Z')).time).toBe('01:30:00.000');
    expect(londonLocalDateTime(new Date('2026-10-25T01:30:00Z')).time).toBe('01:30:00.000');
  });

  it('turns a London day and time into an instant in GMT and in BST', () => {
    expect(londonInstant('2026-01-15', '09:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(londonInstant('2026-07-15', '09:00').toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(londonInstant('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(londonInstant('2026-12-31', '23:59:59.999').toISOString()).toBe('2026-12-31T23:59:59.999Z');
    expect(londonInstant('2026-06-30', '23:59:59.999').toISOString()).toBe('2026-06-30T22:59:59.999Z');
    expect(londonInstant('2026-06-30', '24:00').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('moves a time skipped in March past the gap, and takes the first of a time repeated in October', () => {
    expect(londonInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    expect(londonInstant('2026-03-29', '02:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(londonInstant('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 01:30 BST
    expect(londonInstant('2026-10-25', '02:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('rejects malformed times and dates', () => {
    for (const time of ['25:00', '12:60', '9:00', '24:00:01', '12:00:60', 'noon']) {
      expect(() => londonInstant('2026-01-15', time)).toThrow(RangeError);
    }
    expect(() => londonInstant('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => londonLocalDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('round-trips every hour of 2026 except the repeated hour in October', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const end = Date.parse('2027-01-01T00:00:00Z');
    let checked = 0;
    for (let ms = start; ms < end; ms += 3_600_000) {
      const { date, time } = londonLocalDateTime(new Date(ms));
      // 01:00Z on 25 October is the second 01:00 in London; londonInstant deliberately picks the first.
      if (ms === Date.parse('2026-10-25T01:00:00Z')) continue;
      expect(londonInstant(date, time).getTime()).toBe(ms);
      checked++;
    }
    expect(checked).toBe(8759);
  });
});

import { AppError } from '@ccsc/platform/errors';
import { bounds } from './mi-period';

describe('MI periods', () => {
  it('are London days and months, whatever the offset from UTC', () => {
    expect(bounds('day', '2025-12-19')).toEqual({
      from: new Date('2025-12-19T00:00:00Z'),
      to: new Date('2025-12-20T00:00:00Z'),
    });
    // The last Sunday of March is 23 hours long in London.
    expect(bounds('day', '2026-03-29')).toEqual({
      from: new Date('2026-03-29T00:00:00Z'),
      to: new Date('2026-03-29T23:00:00Z'),
    });
    expect(bounds('month', '2026-07')).toEqual({
      from: new Date('2026-06-30T23:00:00Z'),
      to: new Date('2026-07-31T23:00:00Z'),
    });
    expect(bounds('month', '2025-12')).toEqual({
      from: new Date('2025-12-01T00:00:00Z'),
      to: new Date('2026-01-01T00:00:00Z'),
    });
  });

  it('refuses a day or month that is not one', () => {
    for (const [period, start] of [
      ['day', '2025-02-30'],
      // Outside the calendar's years: the day or month after the last would be in year 10000.
      ['day', '9999-12-31'],
      ['month', '9999-12'],
      ['day', '0001-01-01'],
      ['day', '2025-12'],
      ['month', '2025-13'],
      ['month', '2025-12-01'],
    ] as const) {
      expect(() => bounds(period, start)).toThrow(AppError);
    }
  });
});

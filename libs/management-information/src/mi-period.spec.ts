import { londonInstant } from '@ccsc/calendar';
import { AppError } from '@ccsc/platform/errors';
import { bucketOf, miPeriodId, miPeriodOf, miPeriodOfId, monthToDate, perBucket } from './mi-period';

function fieldErrorsOf(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fieldErrors ?? [];
  }
  throw new Error('expected the period to be refused');
}

describe('a management-information period', () => {
  it('cuts a period into Monday weeks, the first and last clipped to the period', () => {
    // Wednesday 28 October 2026 to Tuesday 10 November 2026; the clocks went back on Sunday 25 October.
    const period = miPeriodOf({ from: '2026-10-28', to: '2026-11-10', granularity: 'week' });
    expect(period.buckets.map((b) => b.start)).toEqual(['2026-10-28', '2026-11-02', '2026-11-09']);
    expect(period.buckets[0]).toEqual({
      start: '2026-10-28',
      from: londonInstant('2026-10-28'),
      to: londonInstant('2026-11-02'),
    });
    expect(period.buckets[2]?.to).toEqual(londonInstant('2026-11-11'));
    expect(period.end).toEqual(londonInstant('2026-11-11'));
  });

  it('cuts by London days and calendar months, across the change to summer time', () => {
    const days = miPeriodOf({ from: '2026-03-28', to: '2026-03-30', granularity: 'day' });
    expect(days.buckets.map((b) => [b.start, b.to.getTime() - b.from.getTime()])).toEqual([
      ['2026-03-28', 24 * 3_600_000],
      ['2026-03-29', 23 * 3_600_000],
      ['2026-03-30', 24 * 3_600_000],
    ]);
    const months = miPeriodOf({ from: '2026-01-15', to: '2026-03-02', granularity: 'MONTH' });
    expect(months.buckets.map((b) => b.start)).toEqual(['2026-01-15', '2026-02-01', '2026-03-01']);
  });

  it('puts an instant in its London bucket: 23:30 on the last day counts, midnight after does not', () => {
    const period = miPeriodOf({ from: '2026-06-01', to: '2026-06-30', granularity: 'week' });
    expect(bucketOf(period, new Date('2026-06-30T22:30:00Z'))).toBe('2026-06-29');
    expect(bucketOf(period, new Date('2026-06-30T23:00:00Z'))).toBeUndefined();
    expect(bucketOf(period, new Date('2026-05-31T23:00:00Z'))).toBe('2026-06-01');
  });

  it('is a month when no granularity is given, and round-trips through its federated key', () => {
    const period = miPeriodOf({ from: '2026-11-01', to: '2026-11-30' });
    expect(period.granularity).toBe('month');
    expect(miPeriodId(period)).toBe('2026-11-01..2026-11-30/month');
    expect(miPeriodOfId(miPeriodId(period))).toEqual(period);
    expect(monthToDate(new Date('2026-12-03T12:00:00Z'))).toMatchObject({ from: '2026-12-01', to: '2026-12-03' });
  });

  it('refuses what cannot be answered, every problem at once', () => {
    expect(fieldErrorsOf(() => miPeriodOf({ from: '3/12/2026', to: null, granularity: 'year' }))).toEqual([
      { field: 'from', message: 'must be a date as YYYY-MM-DD' },
      { field: 'to', message: 'must be a date as YYYY-MM-DD' },
      { field: 'granularity', message: 'must be one of day, week, month' },
    ]);
    expect(fieldErrorsOf(() => miPeriodOf({ from: '2026-12-03', to: '2026-12-01' }))).toEqual([
      { field: 'to', message: 'must not be before from' },
    ]);
    expect(fieldErrorsOf(() => miPeriodOf({ from: '2020-01-01', to: '2026-01-01' }))[0]?.field).toBe('to');
    expect(fieldErrorsOf(() => miPeriodOf({ from: '2025-01-01', to: '2026-12-31', granularity: 'day' }))).toEqual([
      expect.objectContaining({ field: 'granularity' }),
    ]);
    expect(fieldErrorsOf(() => miPeriodOfId('not a key'))).toHaveLength(3);
  });

  it('gives every bucket its figures, a quiet one as zero', () => {
    const period = miPeriodOf({ from: '2026-11-01', to: '2026-11-14', granularity: 'week' });
    expect(
      perBucket(period, [{ bucket: '2026-11-02', n: 4 }], (rows) => ({ count: rows.reduce((t, r) => t + r.n, 0) })),
    ).toEqual([
      { start: '2026-11-01', count: 0 },
      { start: '2026-11-02', count: 4 },
      { start: '2026-11-09', count: 0 },
    ]);
  });
});

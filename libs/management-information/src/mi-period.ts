import {
  addDays,
  isSupportedLocalDate,
  londonInstant,
  londonLocalDate,
  localDate,
  parseLocalDate,
  dayOfWeek,
  type LocalDate,
} from '@ccsc/calendar';
import { BadUserInputError, type FieldError } from '@ccsc/platform/errors';

/**
 * The period a management-information question asks about, in London days, and how it is cut.
 * Plain TypeScript: every service reads the same question the same way.
 */

export const MI_GRANULARITIES = ['day', 'week', 'month'] as const;
export type MiGranularity = (typeof MI_GRANULARITIES)[number];

/** A longer period is a question for the data warehouse, not for the services' own databases. */
export const MAX_MI_DAYS = 3 * 366;
/** Rows a section may answer with: 13 months of days, or three years of weeks or months. */
export const MAX_MI_BUCKETS = 400;

/** One cut of the period: weeks start on Monday, months on the 1st; the first and last may be partial. */
export interface MiBucket {
  /** Its first day within the period (YYYY-MM-DD): the label every section uses. */
  start: LocalDate;
  /** Instants: from inclusive, to exclusive. */
  from: Date;
  to: Date;
}

export interface MiPeriod {
  /** London days, both inclusive. */
  from: LocalDate;
  to: LocalDate;
  granularity: MiGranularity;
  /** Instants of the whole period: start inclusive, end exclusive. */
  start: Date;
  end: Date;
  buckets: MiBucket[];
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first day of the bucket holding `day` (not clipped to any period). */
export function bucketStartOf(day: LocalDate, granularity: MiGranularity): LocalDate {
  if (granularity === 'day') return day;
  if (granularity === 'month') {
    const { year, month } = parseLocalDate(day);
    return localDate(year, month, 1);
  }
  const back = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(dayOfWeek(day));
  return addDays(day, -back);
}

function nextBucketStart(start: LocalDate, granularity: MiGranularity): LocalDate {
  if (granularity === 'day') return addDays(start, 1);
  if (granularity === 'week') return addDays(start, 7);
  const { year, month } = parseLocalDate(start);
  return month === 12 ? localDate(year + 1, 1, 1) : localDate(year, month + 1, 1);
}

/**
 * Checks and reads a question as asked (GraphQL arguments, REST query parameters, or an entity key):
 * every problem reported at once, as BAD_USER_INPUT / 400.
 */
export function miPeriodOf(asked: { from?: string | null; to?: string | null; granularity?: string | null }): MiPeriod {
  const errors: FieldError[] = [];
  const from = asked.from?.trim();
  const to = asked.to?.trim();
  if (!isSupportedLocalDate(from)) errors.push({ field: 'from', message: 'must be a date as YYYY-MM-DD' });
  if (!isSupportedLocalDate(to)) errors.push({ field: 'to', message: 'must be a date as YYYY-MM-DD' });
  const granularity = MI_GRANULARITIES.find((g) => g === (asked.granularity ?? 'month').trim().toLowerCase());
  if (!granularity) errors.push({ field: 'granularity', message: `must be one of ${MI_GRANULARITIES.join(', ')}` });
  if (isSupportedLocalDate(from) && isSupportedLocalDate(to)) {
    const days = daysBetween(from, to) + 1;
    if (days < 1) errors.push({ field: 'to', message: 'must not be before from' });
    else if (days > MAX_MI_DAYS)
      errors.push({ field: 'to', message: `must be at most ${MAX_MI_DAYS} days after from` });
  }
  if (errors.length > 0 || !isSupportedLocalDate(from) || !isSupportedLocalDate(to) || !granularity)
    throw new BadUserInputError('Invalid management-information period', errors);

  const buckets: MiBucket[] = [];
  const end = addDays(to, 1);
  for (let start = from; start < end; start = nextBucketStart(bucketStartOf(start, granularity), granularity)) {
    const next = nextBucketStart(bucketStartOf(start, granularity), granularity);
    buckets.push({ start, from: londonInstant(start), to: londonInstant(next < end ? next : end) });
    if (buckets.length > MAX_MI_BUCKETS)
      throw new BadUserInputError('Invalid management-information period', [
        {
          field: 'granularity',
          message: `cuts the period into more than ${MAX_MI_BUCKETS} parts: choose a longer one or a shorter period`,
        },
      ]);
  }
  return { from, to, granularity, start: londonInstant(from), end: londonInstant(end), buckets };
}

/** The bucket an instant falls in (its label), or undefined outside the period. */
export function bucketOf(period: MiPeriod, instant: Date): LocalDate | undefined {
  if (instant < period.start || instant >= period.end) return undefined;
  const start = bucketStartOf(londonLocalDate(instant), period.granularity);
  return start < period.from ? period.from : start;
}

/** The federated question's key: readable, and enough for every service to answer it. */
export function miPeriodId(period: MiPeriod): string {
  return `${period.from}..${period.to}/${period.granularity}`;
}

export function miPeriodOfId(id: string): MiPeriod {
  const match = /^(.{1,20})\.\.(.{1,20})\/(.{1,10})$/.exec(id);
  return miPeriodOf({ from: match?.[1] ?? '', to: match?.[2] ?? '', granularity: match?.[3] ?? '' });
}

/** The current London month up to today: what the service's metrics show for Grafana. */
export function monthToDate(now: Date): MiPeriod {
  const today = londonLocalDate(now);
  return miPeriodOf({ from: bucketStartOf(today, 'month'), to: today, granularity: 'month' });
}

/**
 * Counts per bucket, every bucket present (a quiet week is a zero, not a gap), in period order:
 * `rows` come from a GROUP BY on `miBucketSql`, keyed by the bucket's label.
 */
export function perBucket<R extends { bucket: string }, F>(
  period: MiPeriod,
  rows: readonly R[],
  figuresOf: (rows: R[], bucket: MiBucket) => F,
): (F & { start: LocalDate })[] {
  return period.buckets.map((bucket) => ({
    start: bucket.start,
    ...figuresOf(
      rows.filter((r) => r.bucket === bucket.start),
      bucket,
    ),
  }));
}

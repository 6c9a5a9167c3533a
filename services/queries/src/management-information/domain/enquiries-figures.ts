import type { MiFigure } from '@ccsc/management-information';
import { perBucket, type MiPeriod } from '@ccsc/management-information/period';

/**
 * The enquiries section of the management information, with the enquiry figures' definitions
 * (src/reporting): an enquiry is received when it comes in, answered when it is resolved (and not
 * reopened since), within SLA when its resolution clock stopped by its due time, and resolved at first
 * contact as decided when it was resolved. Each is counted in the bucket of its own instant: an
 * enquiry received in one week and answered in the next counts in both.
 */

export interface EnquiryCounts {
  received: number;
  answered: number;
  answeredWithinSla: number;
  firstContactResolved: number;
}

/** The counts of one bucket and channel as the database adds them up; a bucket and channel with nothing is absent. */
export interface EnquiryCountsRow extends EnquiryCounts {
  bucket: string;
  channel: string;
}

export interface EnquiriesByChannel extends EnquiryCounts {
  channel: string;
}

export interface EnquiriesPeriod extends EnquiryCounts {
  /** The bucket's first day within the period (YYYY-MM-DD). */
  start: string;
}

export interface EnquiriesFigures extends EnquiryCounts {
  slaMetPercent: number | null;
  firstContactResolutionPercent: number | null;
  byChannel: EnquiriesByChannel[];
  periods: EnquiriesPeriod[];
}

const NONE: EnquiryCounts = { received: 0, answered: 0, answeredWithinSla: 0, firstContactResolved: 0 };

function add(total: EnquiryCounts, row: EnquiryCounts): EnquiryCounts {
  return {
    received: total.received + row.received,
    answered: total.answered + row.answered,
    answeredWithinSla: total.answeredWithinSla + row.answeredWithinSla,
    firstContactResolved: total.firstContactResolved + row.firstContactResolved,
  };
}

const sumOf = (rows: readonly EnquiryCounts[]): EnquiryCounts => rows.reduce(add, NONE);

/** A share of the enquiries answered, as a percentage; null when none was answered (no rate to speak of). */
export function percentOf(part: number, answered: number): number | null {
  return answered === 0 ? null : (part / answered) * 100;
}

export function enquiriesFiguresOf(period: MiPeriod, rows: readonly EnquiryCountsRow[]): EnquiriesFigures {
  const periods = perBucket(period, rows, sumOf);
  const whole = sumOf(periods);
  const channels = new Map<string, EnquiryCounts>();
  for (const row of rows) channels.set(row.channel, add(channels.get(row.channel) ?? NONE, row));
  const byChannel = [...channels.entries()]
    .filter(([, counts]) => counts.received + counts.answered > 0)
    // Code-point order, not the database's collation: the same order whatever the server's locale.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([channel, counts]) => ({ channel, ...counts }));
  return {
    ...whole,
    slaMetPercent: percentOf(whole.answeredWithinSla, whole.answered),
    firstContactResolutionPercent: percentOf(whole.firstContactResolved, whole.answered),
    byChannel,
    periods,
  };
}

function countsAsRows(counts: EnquiryCounts, bucket: string, dimension?: string): MiFigure[] {
  const at = dimension === undefined ? {} : { dimension };
  return [
    { bucket, measure: 'received', ...at, value: counts.received },
    { bucket, measure: 'answered', ...at, value: counts.answered },
    { bucket, measure: 'answered_within_sla', ...at, value: counts.answeredWithinSla },
    { bucket, measure: 'first_contact_resolved', ...at, value: counts.firstContactResolved },
  ];
}

/**
 * The long format: each bucket's counts, the whole period's, then each channel's over the whole period.
 * Counts only: a spreadsheet adds them up across rows and derives the percentages, which it could not
 * do from percentages.
 */
export function figuresAsRows(figures: EnquiriesFigures): MiFigure[] {
  return [
    ...figures.periods.flatMap((p) => countsAsRows(p, p.start)),
    ...countsAsRows(figures, 'total'),
    ...figures.byChannel.flatMap((c) => countsAsRows(c, 'total', `channel=${c.channel}`)),
  ];
}

import { createHash } from 'node:crypto';
import type { BankHoliday } from './bank-holidays';
import { isLocalDate, yearOf } from './local-date';

/** One event of a division in GOV.UK's https://www.gov.uk/bank-holidays.json. */
export interface PublishedEvent {
  readonly title: string;
  readonly date: string;
  readonly notes: string;
  readonly bunting: boolean;
}

/** A division of GOV.UK's bank-holidays.json, e.g. `json['england-and-wales']`, as published. */
export interface PublishedDivision {
  readonly division: string;
  readonly events: readonly PublishedEvent[];
}

export const ENGLAND_AND_WALES_DIVISION = 'england-and-wales';

/** A checked published list: the days it gives for each year it covers, and a short id for its content. */
export interface PublishedBankHolidays {
  readonly byYear: ReadonlyMap<number, readonly BankHoliday[]>;
  readonly firstYear: number;
  readonly lastYear: number;
  /** First 8 hex digits of a SHA-256 over the dates, titles and notes, which are all that affect results. */
  readonly contentHash: string;
}

/**
 * Checks a published England and Wales list and groups it by year. Throws rather than skipping
 * a bad event: the list usually arrives as JSON from outside, and a half-read list would
 * silently turn a bank holiday back into a working day.
 */
export function readPublishedBankHolidays(published: PublishedDivision): PublishedBankHolidays {
  if (published.division !== ENGLAND_AND_WALES_DIVISION) {
    throw new Error(`Expected the ${ENGLAND_AND_WALES_DIVISION} division, got ${JSON.stringify(published.division)}`);
  }
  if (!Array.isArray(published.events) || published.events.length === 0) {
    throw new Error('The published bank holiday list has no events');
  }
  const seen = new Set<string>();
  const byYear = new Map<number, BankHoliday[]>();
  for (const event of published.events) {
    if (!isLocalDate(event.date))
      throw new Error(`Published bank holiday has an invalid date: ${JSON.stringify(event)}`);
    if (typeof event.title !== 'string' || event.title.trim() === '') {
      throw new Error(`Published bank holiday has no title: ${JSON.stringify(event)}`);
    }
    if (seen.has(event.date)) throw new Error(`Published bank holiday list repeats ${event.date}`);
    seen.add(event.date);
    const holiday: BankHoliday = {
      date: event.date,
      title: event.title.trim(),
      substituteDay: /substitute day/i.test(event.notes ?? ''),
    };
    const year = yearOf(event.date);
    byYear.set(year, [...(byYear.get(year) ?? []), holiday]);
  }
  for (const holidays of byYear.values()) holidays.sort((a, b) => (a.date < b.date ? -1 : 1));

  const years = [...byYear.keys()].sort((a, b) => a - b);
  const canonical = years.flatMap((year) =>
    (byYear.get(year) ?? []).map((h) => [h.date, h.title, h.substituteDay ? 'Substitute day' : '']),
  );
  return {
    byYear,
    firstYear: years[0] as number,
    lastYear: years[years.length - 1] as number,
    contentHash: createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 8),
  };
}

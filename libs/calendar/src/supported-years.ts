import { FIRST_RULE_YEAR } from './bank-holidays';
import { isLocalDate, type LocalDate } from './local-date';

/**
 * The years a day given to the platform may fall in: those the working-day calendar knows bank holidays
 * for, less a year at the end so a day or a month counted on from the last still lands inside them. Year
 * 1000 or 9999 is a typo, and outside these years the calendar throws where it should never be asked.
 */
export const SUPPORTED_YEARS = { first: FIRST_RULE_YEAR, last: 9998 } as const;

/** A calendar day as YYYY-MM-DD (30 February is not one) in the supported years: how input is read. */
export function isSupportedLocalDate(value: unknown): value is LocalDate {
  if (!isLocalDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= SUPPORTED_YEARS.first && year <= SUPPORTED_YEARS.last;
}

import { ValidateBy } from 'class-validator';
import { FIRST_RULE_YEAR, isLocalDate, type LocalDate } from '@ccsc/calendar';

/**
 * The years an instant or a calendar day given to the platform may fall in: those the working-day
 * calendar knows bank holidays for, less a year at the end so a deadline counted from the last day
 * still lands inside it. Year 1000 or 9999 is a typo, and outside this range the calendar throws
 * (a 500) where it should never be asked.
 */
export const INSTANT_YEARS = { first: FIRST_RULE_YEAR, last: 9998 } as const;

const inSupportedYears = (day: string) => {
  const year = Number(day.slice(0, 4));
  return year >= INSTANT_YEARS.first && year <= INSTANT_YEARS.last;
};

/** A calendar day as YYYY-MM-DD in the supported years (30 February is not one), or undefined. */
export function parseLocalDay(value: unknown): LocalDate | undefined {
  return isLocalDate(value) && inSupportedYears(value) ? value : undefined;
}

/** class-validator: the property is a calendar day as YYYY-MM-DD in the supported years. */
export const IsLocalDay = () =>
  ValidateBy({
    name: 'isLocalDay',
    validator: {
      validate: (value: unknown) => parseLocalDay(value) !== undefined,
      // The years are not named: a day outside them is a typo, and the format is what callers need.
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar day as YYYY-MM-DD`,
    },
  });

/**
 * An instant with an explicit offset. A time without one would be read in the server's zone, and
 * JavaScript quietly turns 30 February into 2 March, so both are refused.
 */
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** The instant an ISO 8601 date-time with an offset names, or undefined when it is not one. */
export function parseInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = INSTANT.exec(value);
  if (!match || !parseLocalDay(match[1])) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** class-validator: the property is a date-time with an offset (see parseInstant). */
export const IsInstant = (example = '2026-04-02T19:55:00+01:00') =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => parseInstant(value) !== undefined,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be a date and time with an offset between the years ${INSTANT_YEARS.first} and ${INSTANT_YEARS.last}, e.g. ${example}`,
    },
  });

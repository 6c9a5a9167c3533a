import { ValidateBy } from 'class-validator';
import { isSupportedLocalDate, SUPPORTED_YEARS, type LocalDate } from '@ccsc/calendar';

/** The years an instant or a calendar day given to the platform may fall in (the calendar's SUPPORTED_YEARS). */
export const INSTANT_YEARS = SUPPORTED_YEARS;

/** A calendar day as YYYY-MM-DD in the supported years (30 February is not one), or undefined. */
export function parseLocalDay(value: unknown): LocalDate | undefined {
  return isSupportedLocalDate(value) ? value : undefined;
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

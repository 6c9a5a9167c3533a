import { addDays, isSupportedLocalDate, londonInstant } from '@ccsc/calendar';
import { BadUserInputError, type FieldError } from '../errors/app-error';

/**
 * The pieces every officer search shares (cases, enquiries, complaints, payments), so a name, a
 * blank box or a range of days is read the same way wherever it is typed.
 */

/** A trigram index finds nothing shorter than three characters on its own: one word must be this long. */
export const MIN_NAME_WORD_LENGTH = 3;
export const MAX_NAME_WORDS = 6;

/**
 * What a box holds, trimmed; blank counts as absent (a REST client sending `?reference=&status=open`
 * means "by status", and GraphQL sends an explicit null for "not given").
 */
export function givenText(value: string | null | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** A LIKE/ILIKE pattern matching the text anywhere, with the user's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * The words of a tolerant name search ("smi jo" finds "Mrs Joan Smith": each word somewhere in the
 * name, in any case), or the field error that says why the text cannot be searched for: a name made
 * only of short words would read every row.
 */
export function nameWordsOf(text: string, field: string): string[] | FieldError {
  const words = text.trim().split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return { field, message: `must have at most ${MAX_NAME_WORDS} words` };
  if (!words.some((w) => w.length >= MIN_NAME_WORD_LENGTH))
    return { field, message: `must have at least ${MIN_NAME_WORD_LENGTH} characters in one of its words` };
  return words;
}

/** Instants: `from` inclusive, `to` exclusive. */
export interface InstantRange {
  from?: Date;
  to?: Date;
}

/**
 * A range of London days as typed (YYYY-MM-DD, both ends inclusive, either may be absent) as instants:
 * 1 to 31 March is from midnight starting 1 March to midnight ending 31 March, whatever the offset.
 * Problems go into `errors` under the fields' names; undefined when neither end is given or one is wrong.
 */
export function daysBetween(
  from: { field: string; day: string | undefined },
  to: { field: string; day: string | undefined },
  errors: FieldError[],
): InstantRange | undefined {
  let wrong = false;
  for (const end of [from, to])
    if (end.day !== undefined && !isSupportedLocalDate(end.day)) {
      errors.push({ field: end.field, message: 'must be a date as YYYY-MM-DD' });
      wrong = true;
    }
  if (wrong || (from.day === undefined && to.day === undefined)) return undefined;
  if (from.day !== undefined && to.day !== undefined && to.day < from.day) {
    errors.push({ field: to.field, message: `must not be before ${from.field}` });
    return undefined;
  }
  return {
    ...(from.day !== undefined ? { from: londonInstant(from.day) } : {}),
    ...(to.day !== undefined ? { to: londonInstant(addDays(to.day, 1)) } : {}),
  };
}

/**
 * The value if it is one the process knows: a status, a stage or a method no record can have is a
 * mistake to report (in `errors`), not a search that finds nothing.
 */
export function oneOf<T extends string | number>(
  value: string | number | undefined,
  known: readonly T[],
  field: string,
  errors: FieldError[],
): T | undefined {
  if (value === undefined) return undefined;
  const found = known.find((k) => k === value);
  if (found === undefined) errors.push({ field, message: `must be one of ${known.join(', ')}` });
  return found;
}

/**
 * The filter, once every criterion has been read: every problem reported at once, and a search
 * with no criterion refused rather than listing everything.
 */
export function checkedSearch<F extends object>(
  filter: F,
  errors: readonly FieldError[],
  criteria: readonly string[],
): F {
  if (errors.length > 0) throw new BadUserInputError('Invalid search criteria', [...errors]);
  if (Object.keys(filter).length === 0)
    throw new BadUserInputError('Give at least one search criterion', [
      {
        field: 'criteria',
        message: `give at least one of ${criteria.slice(0, -1).join(', ')} or ${criteria[criteria.length - 1]}`,
      },
    ]);
  return filter;
}

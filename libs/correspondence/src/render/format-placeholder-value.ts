import { isLocalDate, londonLocalDate, longDate } from '@ccsc/calendar';
import type { Language, PlaceholderKind } from '../templates/template-definition';

/** Text that has a Welsh form of its own (a court's name): each language's letter takes its own. */
export interface BilingualText {
  en: string;
  cy: string;
}

/**
 * A placeholder's value: text as a string (or a BilingualText), money as integer pence, a date as
 * 'YYYY-MM-DD' or an instant.
 */
export type PlaceholderValue = string | number | Date | BilingualText;

const isBilingualText = (value: unknown): value is BilingualText =>
  typeof value === 'object' &&
  value !== null &&
  !(value instanceof Date) &&
  typeof (value as BilingualText).en === 'string' &&
  typeof (value as BilingualText).cy === 'string';

export type PlaceholderValues = Readonly<Record<string, PlaceholderValue>>;

/** A value that does not fit its placeholder; names the placeholder, never shows the value (it may be personal). */
export class PlaceholderValueError extends Error {
  constructor(templateId: string, placeholder: string, problem: string) {
    super(`Template ${templateId}: ((${placeholder})) ${problem}`);
    this.name = 'PlaceholderValueError';
  }
}

const POUNDS = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, useGrouping: true });

/**
 * Integer pence as pounds, "£1,234.56", the same in Welsh. The pence are split off as integers
 * rather than divided, so no amount is ever rounded on its way to a letter.
 */
export function formatPence(pence: number): string {
  if (!Number.isSafeInteger(pence)) throw new RangeError('An amount must be a whole number of pence');
  const sign = pence < 0 ? '-' : '';
  const magnitude = Math.abs(pence);
  const pounds = POUNDS.format(Math.trunc(magnitude / 100));
  return `${sign}£${pounds}.${String(magnitude % 100).padStart(2, '0')}`;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANY_BREAK_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]+/gu;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/gu;

/** The value as the reader sees it, or a problem with it (undefined value included). */
export function formatPlaceholderValue(
  kind: PlaceholderKind,
  value: PlaceholderValue | undefined,
  language: Language,
): { text: string } | { problem: string } {
  if (value === undefined) return { problem: 'has no value' };
  switch (kind) {
    case 'text':
      if (isBilingualText(value)) return formatPlaceholderValue(kind, value[language], language);
      // On one line, whatever was typed: a value starts no paragraph, heading or list of its own in a
      // letter or in Notify's formatting of an email (a party's name is typed by the other side).
      return typeof value === 'string' && value.trim()
        ? { text: value.replace(ANY_BREAK_OR_CONTROL, ' ').trim() }
        : { problem: 'needs a non-empty string' };
    case 'paragraphs':
      // Staff's own prose: its paragraphs kept, with every line break written one way.
      return typeof value === 'string' && value.trim()
        ? {
            text: value
              .replace(/\r\n?|[\u2028\u2029\u0085]/gu, '\n')
              .replace(CONTROL_BUT_NEWLINE, '')
              .trim(),
          }
        : { problem: 'needs a non-empty string' };
    case 'money':
      return typeof value === 'number' && Number.isSafeInteger(value)
        ? { text: formatPence(value) }
        : { problem: 'needs a whole number of pence' };
    case 'date': {
      if (value instanceof Date && !Number.isNaN(value.getTime()))
        return { text: longDate(londonLocalDate(value), language) };
      return typeof value === 'string' && isLocalDate(value)
        ? { text: longDate(value, language) }
        : { problem: "needs a London day as 'YYYY-MM-DD' or an instant" };
    }
  }
}

import { parseLocalDate, type LocalDate } from './local-date';

const MONTHS = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  cy: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
} as const;

/** A day as GOV.UK writes it in letters and notices: "18 December 2026", in Welsh "18 Rhagfyr 2026". */
export function longDate(date: LocalDate, language: 'en' | 'cy'): string {
  const { year, month, day } = parseLocalDate(date);
  return `${day} ${MONTHS[language][month - 1]} ${year}`;
}

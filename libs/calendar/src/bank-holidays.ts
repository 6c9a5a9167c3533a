import { easterSunday } from './easter';
import { addDays, dayOfWeek, localDate, type LocalDate } from './local-date';

export interface BankHoliday {
  readonly date: LocalDate;
  /** GOV.UK's title, so rule-computed and published days read the same. */
  readonly title: string;
  /** True when the day stands in for a holiday that fell at a weekend (GOV.UK's "Substitute day"). */
  readonly substituteDay: boolean;
}

/**
 * Identifies the rules below, and is part of every calendar version. Bump it whenever a change
 * here could move a computed day, so that deadlines recorded under the old rules stay traceable.
 */
export const BANK_HOLIDAY_RULES_VERSION = 'ew-rules-1';

/** The early May bank holiday was first held in 1978; before that the pattern below is wrong. */
export const FIRST_RULE_YEAR = 1978;

// Days moved or added by royal proclamation, which no rule can predict. Kept here as well as in
// the published list so that a calendar built from a shorter published list is still right
// about these years. Titles are GOV.UK's where GOV.UK published the day.
const PROCLAIMED: Readonly<
  Record<number, { readonly cancels: readonly LocalDate[]; readonly adds: readonly [LocalDate, string][] }>
> = {
  1981: { cancels: [], adds: [['1981-07-29', 'Royal wedding bank holiday']] },
  1995: { cancels: ['1995-05-01'], adds: [['1995-05-08', 'Early May bank holiday (VE day)']] },
  1999: { cancels: [], adds: [['1999-12-31', 'Millennium bank holiday']] },
  2002: {
    cancels: ['2002-05-27'],
    adds: [
      ['2002-06-03', 'Spring bank holiday'],
      ['2002-06-04', 'Golden Jubilee bank holiday'],
    ],
  },
  2011: { cancels: [], adds: [['2011-04-29', 'Royal wedding bank holiday']] },
  2012: {
    cancels: ['2012-05-28'],
    adds: [
      ['2012-06-04', 'Spring bank holiday'],
      ['2012-06-05', 'Queen’s Diamond Jubilee'],
    ],
  },
  2020: { cancels: ['2020-05-04'], adds: [['2020-05-08', 'Early May bank holiday (VE day)']] },
  2022: {
    cancels: ['2022-05-30'],
    adds: [
      ['2022-06-02', 'Spring bank holiday'],
      ['2022-06-03', 'Platinum Jubilee bank holiday'],
      ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ],
  },
  2023: { cancels: [], adds: [['2023-05-08', 'Bank holiday for the coronation of King Charles III']] },
};

/**
 * England and Wales bank holidays for a year, computed from the statutory pattern and the
 * substitute-day convention, plus the one-off proclamations listed above. Sorted by date.
 */
export function ruleBankHolidays(year: number): BankHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_RULE_YEAR || year > 9999) {
    throw new RangeError(`Bank holiday rules cover ${FIRST_RULE_YEAR}-9999, got ${year}`);
  }
  const easter = easterSunday(year);
  const computed = [
    newYearsDay(year),
    holiday(addDays(easter, -2), 'Good Friday'),
    holiday(addDays(easter, 1), 'Easter Monday'),
    holiday(mondayOnOrAfter(localDate(year, 5, 1)), 'Early May bank holiday'),
    holiday(mondayOnOrBefore(localDate(year, 5, 31)), 'Spring bank holiday'),
    holiday(mondayOnOrBefore(localDate(year, 8, 31)), 'Summer bank holiday'),
    ...christmas(year),
  ];
  const proclaimed = PROCLAIMED[year];
  const holidays = proclaimed
    ? [
        ...computed.filter((h) => !proclaimed.cancels.includes(h.date)),
        ...proclaimed.adds.map(([date, title]) => holiday(date, title)),
      ]
    : computed;
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function newYearsDay(year: number): BankHoliday {
  const title = 'New Year’s Day';
  switch (dayOfWeek(localDate(year, 1, 1))) {
    case 'saturday':
      return substitute(localDate(year, 1, 3), title);
    case 'sunday':
      return substitute(localDate(year, 1, 2), title);
    default:
      return holiday(localDate(year, 1, 1), title);
  }
}

// Christmas and Boxing Day substitute together: each weekend day moves to the first weekday
// after the weekend that is not already a holiday, so the pair never lands on the same day.
function christmas(year: number): BankHoliday[] {
  const day = (d: number): LocalDate => localDate(year, 12, d);
  switch (dayOfWeek(day(25))) {
    case 'friday':
      return [holiday(day(25), 'Christmas Day'), substitute(day(28), 'Boxing Day')];
    case 'saturday':
      return [substitute(day(27), 'Christmas Day'), substitute(day(28), 'Boxing Day')];
    case 'sunday':
      return [holiday(day(26), 'Boxing Day'), substitute(day(27), 'Christmas Day')];
    default:
      return [holiday(day(25), 'Christmas Day'), holiday(day(26), 'Boxing Day')];
  }
}

function mondayOnOrAfter(date: LocalDate): LocalDate {
  let monday = date;
  while (dayOfWeek(monday) !== 'monday') monday = addDays(monday, 1);
  return monday;
}

function mondayOnOrBefore(date: LocalDate): LocalDate {
  let monday = date;
  while (dayOfWeek(monday) !== 'monday') monday = addDays(monday, -1);
  return monday;
}

function holiday(date: LocalDate, title: string): BankHoliday {
  return { date, title, substituteDay: false };
}

function substitute(date: LocalDate, title: string): BankHoliday {
  return { date, title, substituteDay: true };
}

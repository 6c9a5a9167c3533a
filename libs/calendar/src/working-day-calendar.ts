import { BANK_HOLIDAY_RULES_VERSION, ruleBankHolidays, type BankHoliday } from './bank-holidays';
import { GOVUK_ENGLAND_AND_WALES_SNAPSHOT } from './govuk-bank-holidays-snapshot';
import {
  addDays,
  dayOfWeek,
  londonInstant,
  londonLocalDate,
  requireLocalDate,
  yearOf,
  type LocalDate,
  type LocalTime,
} from './local-date';
import { readPublishedBankHolidays, type PublishedDivision } from './published-bank-holidays';

/** When something is due, and which calendar said so (store calendarVersion beside the deadline). */
export interface Deadline {
  /** The Europe/London day it is due. */
  readonly date: LocalDate;
  readonly dueAt: Date;
  readonly calendarVersion: string;
}

export interface EnglandAndWalesOptions {
  /**
   * GOV.UK's england-and-wales division; its days replace the computed ones for every year it
   * has events for. Defaults to the bundled snapshot; `null` means the rules alone.
   */
  readonly published?: PublishedDivision | null;
}

/** The end of a day as an instant that still falls on that day in London. */
export const END_OF_DAY: LocalTime = '23:59:59.999';
export const DEFAULT_TASK_WORKING_DAYS = 2;
export const DEFAULT_TASK_DUE_TIME: LocalTime = '16:00';

interface Year {
  readonly holidays: readonly BankHoliday[];
  readonly dates: ReadonlySet<LocalDate>;
}

/**
 * England and Wales working days: Monday to Friday except bank holidays. Immutable; build one at
 * start-up and share it.
 */
export class WorkingDayCalendar {
  private readonly years = new Map<number, Year>();

  private constructor(
    /**
     * Identifies the rules and the published list behind every answer, e.g.
     * 'ew-rules-1+govuk-2018-2027-1a2b3c4d'. Record it with each deadline so a later change of
     * rules or list can be traced to the deadlines it would have moved.
     */
    readonly version: string,
    private readonly holidaysOf: (year: number) => readonly BankHoliday[],
  ) {}

  static englandAndWales(options: EnglandAndWalesOptions = {}): WorkingDayCalendar {
    const division = options.published === undefined ? GOVUK_ENGLAND_AND_WALES_SNAPSHOT : options.published;
    if (division === null) return new WorkingDayCalendar(BANK_HOLIDAY_RULES_VERSION, ruleBankHolidays);
    const published = readPublishedBankHolidays(division);
    return new WorkingDayCalendar(
      `${BANK_HOLIDAY_RULES_VERSION}+govuk-${published.firstYear}-${published.lastYear}-${published.contentHash}`,
      (year) => published.byYear.get(year) ?? ruleBankHolidays(year),
    );
  }

  /** The bank holidays of a year, in date order. */
  bankHolidays(year: number): readonly BankHoliday[] {
    return this.year(year).holidays;
  }

  isBankHoliday(date: LocalDate): boolean {
    return this.year(yearOf(date)).dates.has(date);
  }

  isWorkingDay(date: LocalDate): boolean {
    const day = dayOfWeek(date);
    return day !== 'saturday' && day !== 'sunday' && !this.isBankHoliday(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    let next = addDays(date, 1);
    while (!this.isWorkingDay(next)) next = addDays(next, 1);
    return next;
  }

  /**
   * The `workingDays`th working day after `date`, so day 1 is the first working day after it
   * whatever kind of day `date` is. With 0, `date` itself if it is a working day, otherwise the
   * next one.
   */
  addWorkingDays(date: LocalDate, workingDays: number): LocalDate {
    requireWholeCount(workingDays, 'workingDays');
    let result = requireLocalDate(date);
    if (workingDays === 0) return this.isWorkingDay(result) ? result : this.nextWorkingDay(result);
    for (let i = 0; i < workingDays; i++) result = this.nextWorkingDay(result);
    return result;
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for n > 0. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    requireLocalDate(from);
    requireLocalDate(to);
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  /**
   * "Respond within N working days": day 1 is the first working day after the London day of
   * receipt, and the response is due by the end (23:59:59.999 London time) of day N.
   */
  deadlineAfterReceipt(receivedAt: Date, workingDays: number): Deadline {
    return this.dueOn(this.addWorkingDays(londonLocalDate(receivedAt), workingDays), END_OF_DAY);
  }

  /**
   * The end of a period of `days` from the London day of `start`, counted in calendar or working days
   * (day 1 is the day after). A calendar-day period that would end on a day the courts are closed runs
   * to the end of the next working day, as CPR 2.8(5) allows for an act at the court office.
   */
  periodEnd(start: Date, days: number, kind: 'calendar' | 'working'): Deadline {
    requireWholeCount(days, 'days');
    const first = londonLocalDate(start);
    if (kind === 'working') return this.dueOn(this.addWorkingDays(first, days), END_OF_DAY);
    const end = addDays(first, days);
    return this.dueOn(this.isWorkingDay(end) ? end : this.nextWorkingDay(end), END_OF_DAY);
  }

  /** HMCTS work allocation: a task is due at 16:00 London time, 2 working days after creation unless configured. */
  taskDueAt(
    createdAt: Date,
    workingDays: number = DEFAULT_TASK_WORKING_DAYS,
    time: LocalTime = DEFAULT_TASK_DUE_TIME,
  ): Deadline {
    return this.dueOn(this.addWorkingDays(londonLocalDate(createdAt), workingDays), time);
  }

  private dueOn(date: LocalDate, time: LocalTime): Deadline {
    return { date, dueAt: londonInstant(date, time), calendarVersion: this.version };
  }

  private year(year: number): Year {
    let cached = this.years.get(year);
    if (!cached) {
      const holidays = Object.freeze(this.holidaysOf(year).map((h) => Object.freeze({ ...h })));
      cached = { holidays, dates: new Set(holidays.map((h) => h.date)) };
      this.years.set(year, cached);
    }
    return cached;
  }
}

function requireWholeCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
}

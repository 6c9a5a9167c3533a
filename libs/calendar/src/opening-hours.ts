import {
  addDays,
  dayOfWeek,
  instantMs,
  localTimeMs,
  londonInstant,
  londonLocalDate,
  type DayOfWeek,
  type LocalDate,
  type LocalTime,
} from './local-date';
import type { WorkingDayCalendar } from './working-day-calendar';

/** One stretch of opening on a day, in Europe/London wall-clock time; `close` may be '24:00'. */
export interface OpeningSession {
  readonly open: LocalTime;
  readonly close: LocalTime;
}

/** Opening sessions for each day of the week, in order; an empty list means closed all day. */
export type WeeklyOpeningHours = Readonly<Record<DayOfWeek, readonly OpeningSession[]>>;

/** A stretch of opening as instants, which is what clocks are measured against. */
export interface OpenPeriod {
  readonly start: Date;
  readonly end: Date;
}

/** The service centre: Monday to Friday 08:00-20:00, Saturday 08:00-14:00, closed Sundays. */
export const SERVICE_CENTRE_OPENING_HOURS: WeeklyOpeningHours = {
  monday: [{ open: '08:00', close: '20:00' }],
  tuesday: [{ open: '08:00', close: '20:00' }],
  wednesday: [{ open: '08:00', close: '20:00' }],
  thursday: [{ open: '08:00', close: '20:00' }],
  friday: [{ open: '08:00', close: '20:00' }],
  saturday: [{ open: '08:00', close: '14:00' }],
  sunday: [],
};

const WEEK: readonly DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
// Ten years of days: far beyond any real clock, but it stops a bad table or input looping forever.
const MAX_DAYS_SEARCHED = 3_660;

/**
 * Opening hours in Europe/London, closed on bank holidays, for clocks that only run while the
 * service centre is open (SLAs measured in working hours or minutes).
 *
 * Sessions are turned into instants one day at a time through the time zone, so a day on which
 * the clocks change is simply an hour shorter or longer wherever the change falls inside a session.
 */
export class OpeningHours {
  private readonly weekly: WeeklyOpeningHours;

  constructor(
    readonly calendar: WorkingDayCalendar,
    weekly: WeeklyOpeningHours = SERVICE_CENTRE_OPENING_HOURS,
  ) {
    this.weekly = checkWeeklyHours(weekly);
  }

  /** The open periods on a London day, in order; none on a bank holiday. */
  openPeriods(date: LocalDate): OpenPeriod[] {
    if (this.calendar.isBankHoliday(date)) return [];
    return this.weekly[dayOfWeek(date)].map((session) => ({
      start: londonInstant(date, session.open),
      end: londonInstant(date, session.close),
    }));
  }

  isOpen(instant: Date): boolean {
    const ms = instantMs(instant);
    return this.openPeriods(londonLocalDate(instant)).some((p) => p.start.getTime() <= ms && ms < p.end.getTime());
  }

  /**
   * The instant by which `hours` of opening time have passed since `start`. Closed time does not
   * count, so a start while closed begins counting at the next opening, and a result that lands
   * exactly on a closing time is that closing time. Fractions of an hour are allowed.
   */
  addWorkingHours(start: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a number >= 0, got ${hours}`);
    const startMs = instantMs(start);
    let remaining = Math.round(hours * HOUR_MS);
    if (remaining === 0) return new Date(startMs);
    let date = londonLocalDate(start);
    for (let day = 0; day < MAX_DAYS_SEARCHED; day++, date = addDays(date, 1)) {
      for (const period of this.openPeriods(date)) {
        const from = Math.max(startMs, period.start.getTime());
        const available = period.end.getTime() - from;
        if (available <= 0) continue;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
    throw new RangeError(`Adding ${hours} working hours to ${start.toISOString()} runs past ${MAX_DAYS_SEARCHED} days`);
  }

  /**
   * Whole minutes of opening time between two instants (completed minutes, so an SLA clock never
   * runs ahead). Negative when `to` is before `from`.
   */
  workingMinutesBetween(from: Date, to: Date): number {
    const fromMs = instantMs(from);
    const toMs = instantMs(to);
    if (toMs < fromMs) return -this.workingMinutesBetween(to, from);
    const lastDate = londonLocalDate(to);
    let openMs = 0;
    for (let date = londonLocalDate(from); date <= lastDate; date = addDays(date, 1)) {
      for (const period of this.openPeriods(date)) {
        openMs += Math.max(0, Math.min(toMs, period.end.getTime()) - Math.max(fromMs, period.start.getTime()));
      }
    }
    return Math.floor(openMs / MINUTE_MS);
  }
}

// Rejects tables that would make clocks wrong rather than fail: overlapping sessions would count
// the same hour twice, and a week with no opening would make addWorkingHours search forever.
function checkWeeklyHours(weekly: WeeklyOpeningHours): WeeklyOpeningHours {
  for (const day of WEEK) {
    const sessions = weekly[day];
    if (!Array.isArray(sessions)) throw new Error(`Opening hours have no entry for ${day}`);
    let previousClose = -1;
    for (const session of sessions) {
      const open = localTimeMs(session.open);
      const close = localTimeMs(session.close);
      if (open >= close) throw new Error(`Opening hours on ${day}: ${session.open} is not before ${session.close}`);
      if (open < previousClose) throw new Error(`Opening hours on ${day} overlap or are out of order`);
      previousClose = close;
    }
  }
  if (WEEK.every((day) => weekly[day].length === 0)) throw new Error('Opening hours are closed every day of the week');
  return Object.freeze(
    Object.fromEntries(WEEK.map((day) => [day, Object.freeze(weekly[day].map((s) => Object.freeze({ ...s })))])),
  ) as WeeklyOpeningHours;
}

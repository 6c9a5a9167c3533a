// A deadline is a day in England, not an instant: a Date at midnight UTC names the wrong day
// for an hour every night of British Summer Time. So calendar days are plain 'YYYY-MM-DD'
// strings, and every move between a day and an instant goes through Europe/London explicitly.

/** A calendar day as 'YYYY-MM-DD', with no time and no time zone. */
export type LocalDate = string;

/** A wall-clock time as 'HH:MM', 'HH:MM:SS' or 'HH:MM:SS.mmm' (24-hour); '24:00' is the end of the day. */
export type LocalTime = string;

export type DayOfWeek = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export const LONDON_TIME_ZONE = 'Europe/London';

// Indexed by Date#getUTCDay, which starts the week on Sunday.
const DAYS_OF_WEEK: readonly DayOfWeek[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  // Round-tripping rejects days the regex lets through, such as 2026-02-30.
  return formatUtcDay(utcDayMs(Number(match[1]), Number(match[2]), Number(match[3]))) === value;
}

export function parseLocalDate(value: string): { year: number; month: number; day: number } {
  const date = requireLocalDate(value);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Builds a LocalDate from a year, a month (1-12) and a day of the month. */
export function localDate(year: number, month: number, day: number): LocalDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return requireLocalDate(date);
}

export function requireLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`Invalid local date ${JSON.stringify(value)}: expected YYYY-MM-DD`);
  return value;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number, got ${days}`);
  return formatUtcDay(localDateMs(requireLocalDate(date)) + days * DAY_MS);
}

export function dayOfWeek(date: LocalDate): DayOfWeek {
  return DAYS_OF_WEEK[new Date(localDateMs(requireLocalDate(date))).getUTCDay()] as DayOfWeek;
}

export function yearOf(date: LocalDate): number {
  return Number(requireLocalDate(date).slice(0, 4));
}

/** The Europe/London calendar day on which an instant falls. */
export function londonLocalDate(instant: Date): LocalDate {
  return londonLocalDateTime(instant).date;
}

/** The Europe/London wall-clock day and time ('HH:MM:SS.mmm') of an instant. */
export function londonLocalDateTime(instant: Date): { date: LocalDate; time: LocalTime } {
  const ms = instantMs(instant);
  const wall = new Date(ms + londonOffsetMs(ms));
  const time =
    [wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':') +
    `.${String(wall.getUTCMilliseconds()).padStart(3, '0')}`;
  return { date: formatUtcDay(wall.getTime()), time };
}

/**
 * The instant at which Europe/London clocks show `time` on `date`.
 *
 * Twice a year the answer is not unique, and this resolves it the way Temporal's 'compatible'
 * disambiguation does, so that scheduled times never throw: a time skipped when clocks go
 * forward (01:30 on the last Sunday of March) is read with the offset in force before the
 * change and lands after the gap (02:30 BST); a time that happens twice when clocks go back
 * (01:30 on the last Sunday of October) is the first occurrence (01:30 BST).
 */
export function londonInstant(date: LocalDate, time: LocalTime = '00:00'): Date {
  const wall = localDateMs(requireLocalDate(date)) + localTimeMs(time);
  const offsetBefore = londonOffsetMs(wall - DAY_MS);
  const offsetAfter = londonOffsetMs(wall + DAY_MS);
  const consistent = [wall - offsetBefore, wall - offsetAfter].filter((ms) => wall - ms === londonOffsetMs(ms));
  return new Date(consistent.length > 0 ? Math.min(...consistent) : wall - offsetBefore);
}

/** Milliseconds since midnight for a LocalTime; throws on anything else. */
export function localTimeMs(time: LocalTime): number {
  const match = TIME_PATTERN.exec(time);
  if (match) {
    const [hours, minutes, seconds, millis] = [match[1], match[2], match[3] ?? '0', match[4] ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    const ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    if (minutes < 60 && seconds < 60 && ms <= DAY_MS) return ms;
  }
  throw new RangeError(`Invalid local time ${JSON.stringify(time)}: expected HH:MM[:SS[.mmm]] up to 24:00`);
}

export function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Expected a valid Date, got Invalid Date');
  return ms;
}

function localDateMs(date: LocalDate): number {
  return utcDayMs(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

// setUTCFullYear rather than Date.UTC, which reads years 0-99 as 1900-1999.
function utcDayMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function formatUtcDay(ms: number): LocalDate {
  const date = new Date(ms);
  return [
    String(date.getUTCFullYear()).padStart(4, '0'),
    String(date.getUTCMonth() + 1).padStart(2, '0'),
    String(date.getUTCDate()).padStart(2, '0'),
  ].join('-');
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with one.
const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far Europe/London wall-clock time is ahead of UTC at an instant (0 in GMT, 3,600,000 in BST). */
function londonOffsetMs(ms: number): number {
  // Intl reports whole seconds, so compare it with the instant truncated to the second.
  const second = Math.floor(ms / 1000) * 1000;
  const parts = londonFormat.formatToParts(new Date(second));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wall =
    utcDayMs(part('year'), part('month'), part('day')) +
    ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000;
  return wall - second;
}

import { addDays, isSupportedLocalDate, londonInstant, type LocalDate } from '@ccsc/calendar';
import { BadUserInputError } from '@ccsc/platform/errors';

export type MiPeriod = 'day' | 'month';

/** [from, to) of a London day or month; clock changes make some days 23 or 25 hours long. */
export function bounds(period: MiPeriod, start: string): { from: Date; to: Date } {
  if (period === 'day') {
    if (!isSupportedLocalDate(start))
      throw new BadUserInputError('Invalid day', [{ field: 'start', message: 'must be a day as YYYY-MM-DD' }]);
    return { from: londonInstant(start), to: londonInstant(addDays(start, 1)) };
  }
  const first: LocalDate = `${start}-01`;
  if (!/^\d{4}-\d{2}$/.test(start) || !isSupportedLocalDate(first)) {
    throw new BadUserInputError('Invalid month', [{ field: 'start', message: 'must be a month as YYYY-MM' }]);
  }
  const [year, month] = start.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: londonInstant(first), to: londonInstant(next) };
}

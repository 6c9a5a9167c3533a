import { isLocalDate, type LocalDate } from '@ccsc/calendar';
import { BadUserInputError } from '@ccsc/platform/errors';

/**
 * The day a default run assesses: a calendar day no later than today in London. A run for a day to come would
 * find missed instalments that are not yet due, and default accounts whose payments may still arrive on time.
 */
export function runDay(asked: LocalDate | undefined, today: LocalDate): LocalDate {
  const runOn = asked ?? today;
  if (!isLocalDate(runOn))
    throw new BadUserInputError('Invalid day', [{ field: 'runOn', message: 'must be a calendar day as YYYY-MM-DD' }]);
  // YYYY-MM-DD strings order as the days do.
  if (runOn > today)
    throw new BadUserInputError('A default run cannot be for a day to come', [
      { field: 'runOn', message: `must be today (${today}) or earlier` },
    ]);
  return runOn;
}

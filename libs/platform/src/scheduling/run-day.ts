import { isSupportedLocalDate, type LocalDate } from '@ccsc/calendar';
import { BadUserInputError } from '../errors/app-error';

/**
 * The day a scheduled run (the default run, the case-deadline run) is for: a calendar day no later than today in
 * London, today when none is asked for. A run for a day to come would act on what is not yet due: default accounts
 * whose payments may still arrive on time, or close a case whose time to appeal is still running.
 */
export function runDay(asked: LocalDate | undefined, today: LocalDate, what = 'A run'): LocalDate {
  const runOn = asked ?? today;
  if (!isSupportedLocalDate(runOn))
    throw new BadUserInputError('Invalid day', [{ field: 'runOn', message: 'must be a calendar day as YYYY-MM-DD' }]);
  // YYYY-MM-DD strings order as the days do.
  if (runOn > today)
    throw new BadUserInputError(`${what} cannot be for a day to come`, [
      { field: 'runOn', message: `must be today (${today}) or earlier` },
    ]);
  return runOn;
}

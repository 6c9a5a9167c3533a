import { addDays, londonInstant, WorkingDayCalendar, type Deadline, type LocalDate } from '@ccsc/calendar';
import type { CaseTypeDefinition, StateDeadline } from './case-type.definition';

/** England and Wales working days, as every case-type deadline counts them; built once (it is immutable). */
export const CASE_CALENDAR = WorkingDayCalendar.englandAndWales();

/** A deadline of the case's current state: when it ends and whether that is past. */
export interface CaseDeadline {
  definition: StateDeadline;
  end: Deadline;
  passed: boolean;
}

/** The deadline running in the case's state, if its type has one: from the day the case entered the state. */
export function deadlineInState(
  type: CaseTypeDefinition,
  state: string,
  stateEnteredAt: Date,
  now: Date,
  calendar: WorkingDayCalendar = CASE_CALENDAR,
): CaseDeadline | undefined {
  const definition = type.deadlines?.find((d) => d.state === state);
  if (!definition) return undefined;
  const end = calendar.periodEnd(stateEnteredAt, definition.days, definition.dayKind);
  return { definition, end, passed: now.getTime() > end.dueAt.getTime() };
}

/**
 * The instant before which a case must have entered the deadline's state for the deadline to have
 * passed by the start of `runOn` (London). A period's end never moves back when its start moves on, so
 * this walks back day by day from `runOn` to the last start whose period ended before that day.
 */
export function enteredBefore(
  definition: StateDeadline,
  runOn: LocalDate,
  calendar: WorkingDayCalendar = CASE_CALENDAR,
): Date {
  let start = addDays(runOn, -1);
  while (calendar.periodEnd(londonInstant(start), definition.days, definition.dayKind).date >= runOn)
    start = addDays(start, -1);
  return londonInstant(addDays(start, 1));
}

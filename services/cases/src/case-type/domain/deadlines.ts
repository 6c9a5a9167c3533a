import { addDays, END_OF_DAY, londonInstant, WorkingDayCalendar, type Deadline, type LocalDate } from '@ccsc/calendar';
import { endsOnGivenDay, type CaseTypeDefinition, type StateDeadline } from './case-type.definition';

/** England and Wales working days, as every case-type deadline counts them; built once (it is immutable). */
export const CASE_CALENDAR = WorkingDayCalendar.englandAndWales();

/** A deadline of the case's current state: when it ends and whether that is past. */
export interface CaseDeadline {
  definition: StateDeadline;
  end: Deadline;
  passed: boolean;
}

/** Where a case is: its state, since when, and the day its state's time ends when the entering event gave one. */
export interface CaseInState {
  state: string;
  stateEnteredAt: Date;
  stateUntil: LocalDate | null;
}

/**
 * The deadline running in the case's state, if its type has one: a number of days from the day the case entered
 * the state, or to the end of the day the entering event gave (none when it gave none: a stay until further order).
 */
export function deadlineInState(
  type: CaseTypeDefinition,
  { state, stateEnteredAt, stateUntil }: CaseInState,
  now: Date,
  calendar: WorkingDayCalendar = CASE_CALENDAR,
): CaseDeadline | undefined {
  const definition = type.deadlines?.find((d) => d.state === state);
  if (!definition) return undefined;
  let end: Deadline;
  if (endsOnGivenDay(definition)) {
    if (!stateUntil) return undefined;
    // A day the court ordered is kept as given, working day or not.
    end = { date: stateUntil, dueAt: londonInstant(stateUntil, END_OF_DAY), calendarVersion: calendar.version };
  } else end = calendar.periodEnd(stateEnteredAt, definition.days, definition.dayKind);
  return { definition, end, passed: now.getTime() > end.dueAt.getTime() };
}

/** The deadline of the state an event enters, when that state's time ends on a day the event gives. */
export function deadlineUntilGivenDay(type: CaseTypeDefinition, state: string): StateDeadline | undefined {
  const definition = type.deadlines?.find((d) => d.state === state);
  return definition && endsOnGivenDay(definition) ? definition : undefined;
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
  if (endsOnGivenDay(definition)) throw new Error(`Deadline "${definition.id}" ends on a given day, not after days`);
  let start = addDays(runOn, -1);
  while (calendar.periodEnd(londonInstant(start), definition.days, definition.dayKind).date >= runOn)
    start = addDays(start, -1);
  return londonInstant(addDays(start, 1));
}

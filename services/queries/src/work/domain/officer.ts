import { dayOfWeek, londonLocalDateTime, type DayOfWeek, type LocalDate } from '@ccsc/calendar';
import type { FieldError } from '@ccsc/platform';
import { ConflictError, ForbiddenError } from '@ccsc/platform/errors';
import { roleAllows, type Task } from './task';
import type { TaskRole } from './task-rules';

/** An officer's profile, kept by team leaders: what work they may be given, and when. */
export interface Officer {
  /** The subject of their token. */
  userId: string;
  name: string;
  role: TaskRole;
  teams: string[];
  skills: string[];
  /** Open tasks they may hold at once. */
  capacity: number;
  shift: WorkingPattern;
  leave: Leave[];
  active: boolean;
}

/** The days of the week they work and the hours of those days, London time ('08:00' to '16:30'; '24:00' ends at midnight). */
export interface WorkingPattern {
  days: DayOfWeek[];
  start: string;
  end: string;
}

/** Whole days away, first to last inclusive. */
export interface Leave {
  firstDay: LocalDate;
  lastDay: LocalDate;
}

/** Money authority is by level, and a higher level includes the lower ones. */
const MONEY_AUTHORITY = /^money-authority-(\d)$/;

/** A profile's skills as held: unique, sorted, and each money authority level with those below it. */
export function normaliseSkills(skills: readonly string[]): string[] {
  const all = new Set(skills);
  for (const skill of skills) {
    const level = MONEY_AUTHORITY.exec(skill);
    if (level) for (let l = Number(level[1]) - 1; l >= 1; l--) all.add(`money-authority-${l}`);
  }
  return [...all].sort();
}

/**
 * What is wrong with a profile as a team leader gives it, as field errors: hours that do not end after
 * they start, or leave that ends before it begins or overlaps other leave (each day is booked once).
 */
export function profileProblems(officer: Pick<Officer, 'shift' | 'leave'>): FieldError[] {
  const problems: FieldError[] = [];
  if (officer.shift.end <= officer.shift.start) problems.push({ field: 'shift.end', message: 'must be after start' });
  officer.leave.forEach((l, i) => {
    if (l.lastDay < l.firstDay) problems.push({ field: `leave.${i}.lastDay`, message: 'must not be before firstDay' });
    const other = officer.leave.findIndex((o, j) => j < i && o.firstDay <= l.lastDay && l.firstDay <= o.lastDay);
    if (other >= 0) problems.push({ field: `leave.${i}`, message: `overlaps leave.${other}` });
  });
  return problems;
}

/**
 * Whether the officer is working at an instant (London time): active, on one of their days, within
 * their hours, and not on leave. Bank holidays are not assumed off: some teams work them, and those who
 * do not have them booked as leave, as they would any day off.
 */
export function onShift(officer: Officer, at: Date): boolean {
  if (!officer.active) return false;
  const { date, time } = londonLocalDateTime(at);
  const hhmm = time.slice(0, 5);
  return (
    officer.shift.days.includes(dayOfWeek(date)) &&
    hhmm >= officer.shift.start &&
    hhmm < officer.shift.end &&
    !officer.leave.some((l) => l.firstDay <= date && date <= l.lastDay)
  );
}

/** The task fields that decide who may be given it. */
export type TaskNeeds = Pick<Task, 'team' | 'requiredRole' | 'requiredSkills' | 'excludedOfficer'>;

/**
 * Why the officer may not be given the task now ("<officer> is ..."), or null when they may: they
 * must be allowed it (ineligibility) and available (unavailability).
 */
export function refusal(officer: Officer | undefined, task: TaskNeeds, open: number, at: Date): string | null {
  if (!officer) return 'without a work profile (a team leader gives each officer their teams, skills and hours)';
  return ineligibility(officer, task) ?? unavailability(officer, open, at);
}

/**
 * Refuses the task to the officer as an error ("<who> <why>"): not allowed it is FORBIDDEN; allowed but
 * off shift or at capacity, or with no profile yet, a CONFLICT of the moment.
 */
export function assertMayBeGiven(
  officer: Officer | undefined,
  task: TaskNeeds,
  open: number,
  at: Date,
  who: string,
): void {
  const notAllowed = officer && ineligibility(officer, task);
  if (notAllowed) throw new ForbiddenError(`${who} ${notAllowed}`);
  const unavailable = refusal(officer, task, open, at);
  if (unavailable) throw new ConflictError(`${who} ${unavailable}`);
}

/**
 * Why the officer may never be given the task, or null: its team must be one of theirs, they must
 * have its role and every skill it needs, and must not be the first of the two people it needs.
 */
export function ineligibility(officer: Officer, task: TaskNeeds): string | null {
  if (!officer.teams.includes(task.team)) return `not in the ${task.team} team`;
  if (!roleAllows(task.requiredRole, officer.role)) return 'not a team leader';
  const missing = task.requiredSkills.filter((s) => !officer.skills.includes(s));
  if (missing.length > 0) return `without the ${missing.join(' and ')} skill${missing.length > 1 ? 's' : ''}`;
  if (task.excludedOfficer === officer.userId) return 'the one who did the first step, and this needs a second person';
  return null;
}

/** Why the officer can be given no work at all now (off shift, or at capacity), or null. */
export function unavailability(officer: Officer, open: number, at: Date): string | null {
  if (!onShift(officer, at)) return 'not on shift';
  if (open >= officer.capacity) return `at capacity (${open} open tasks)`;
  return null;
}

import {
  addDays,
  DEFAULT_TASK_DUE_TIME,
  londonInstant,
  londonLocalDate,
  type Deadline,
  type OpeningHours,
  type WorkingDayCalendar,
} from '@ccsc/calendar';
import type { DueRule, TaskRole, TaskSpec } from './task-rules';

export const TASK_STATUSES = ['unassigned', 'assigned', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['unassigned', 'assigned'];

export interface Task extends TaskSpec {
  id: string;
  team: string;
  status: TaskStatus;
  assignedTo: string | null;
  priorityDate: Date;
  dueAt: Date;
  calendarVersion: string;
  atRisk: boolean;
  overdue: boolean;
  escalated: boolean;
  createdAt: Date;
  assignedAt: Date | null;
  closedAt: Date | null;
}

/** Escalated work goes before everything of the same priority date: HMCTS's "urgent" major priority. */
export const ESCALATED_MAJOR_PRIORITY = 1000;

/** A task is at risk from this long before it is due, in working hours of the service centre. */
export const AT_RISK_WORKING_HOURS = 4;

/**
 * When a task is due, by libs/calendar: N working days after it was created at 16:00 London time by
 * default (HMCTS work allocation), N working hours of the service centre, or a date the event gives (a
 * complaint stage's response date) with a working-day fallback.
 */
export function dueOf(
  rule: DueRule,
  data: Record<string, unknown>,
  createdAt: Date,
  hours: OpeningHours,
): Deadline & { dueAt: Date } {
  const calendar = hours.calendar;
  if ('workingHours' in rule) {
    const dueAt = hours.addWorkingHours(createdAt, rule.workingHours);
    return { date: londonLocalDate(dueAt), dueAt, calendarVersion: calendar.version };
  }
  if ('field' in rule) {
    const given = data[rule.field];
    if (typeof given === 'string' && !Number.isNaN(Date.parse(given))) {
      const dueAt = new Date(given);
      return { date: londonLocalDate(dueAt), dueAt, calendarVersion: calendar.version };
    }
    return calendar.taskDueAt(createdAt, rule.otherwise.workingDays);
  }
  return calendar.taskDueAt(createdAt, rule.workingDays, rule.time);
}

/** `workingDays` working days before a day (a hearing's), at the task due time: the latest a task can wait. */
export function dueBefore(day: Date, workingDays: number, calendar: WorkingDayCalendar): Date {
  let date = londonLocalDate(day);
  for (let left = workingDays; left > 0;) {
    date = addDays(date, -1);
    if (calendar.isWorkingDay(date)) left--;
  }
  return londonInstant(date, DEFAULT_TASK_DUE_TIME);
}

/** Whether someone with these roles may do work that needs `role`. */
export function roleAllows(role: TaskRole, officerRole: TaskRole): boolean {
  return role === 'caseworker' || officerRole === 'team-leader';
}

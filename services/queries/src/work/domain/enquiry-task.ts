import type { WorkingDayCalendar } from '@ccsc/calendar';
import { needsWelsh, type EnquiryRecord } from '../../enquiry/domain/enquiry';
import type { TaskStatus } from './task';
import type { TaskSpec } from './task-rules';

// An enquiry is a task of the one work queue like any other work, but it is not made by an event:
// the enquiry stays the record of who has it, and its task is a projection kept in the same
// transaction as every change to the enquiry (EnquiryTasks), so the two never disagree.

export const ENQUIRY_TASK_TYPE = 'answer-enquiry';
const ENQUIRY_TASK_NAME = 'Answer an enquiry';

/** With no SLA clock running (all paused or none set), the task is due this many working days after receipt. */
const FALLBACK_WORKING_DAYS = 5;

/** What an enquiry's open task should be; null when the enquiry is nobody's work now. */
export interface EnquiryTaskShape extends TaskSpec {
  status: Extract<TaskStatus, 'unassigned' | 'assigned'>;
  assignedTo: string | null;
  priorityDate: Date;
  dueAt: Date;
  calendarVersion: string;
  escalated: boolean;
  /** Every SLA clock it has is paused (it awaits the customer): an existing task keeps its due time. */
  clocksPaused: boolean;
}

/**
 * The enquiry's task: open while the enquiry waits in a queue or an officer works it (including while
 * it awaits the customer's answer, which stays on that officer's list); none once it is resolved or
 * closed, before it has a queue, or when it awaits the customer with nobody holding it. It needs the
 * welsh skill when the enquiry is in Welsh or in the Welsh queue, and a team leader when an officer
 * escalated it to one. It is due when the first of its running SLA clocks is due (five working days
 * after receipt when none runs; while they are paused, an existing task keeps its due time).
 */
export function enquiryTaskOf(enquiry: EnquiryRecord, calendar: WorkingDayCalendar): EnquiryTaskShape | null {
  const { status, queueId, assignedTo } = enquiry;
  if (!queueId || status === 'resolved' || status === 'closed') return null;
  if (status === 'awaiting-customer' && !assignedTo) return null;
  const first = enquiry.clocks
    .filter((c): c is typeof c & { dueAt: Date } => c.status === 'running' && c.dueAt !== null)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  const due = first
    ? { dueAt: first.dueAt, calendarVersion: first.calendarVersion }
    : calendar.taskDueAt(enquiry.receivedAt, FALLBACK_WORKING_DAYS);
  return {
    taskType: ENQUIRY_TASK_TYPE,
    name: ENQUIRY_TASK_NAME,
    sourceKey: enquiry.id,
    caseId: enquiry.caseId,
    queueId,
    requiredRole: status === 'escalated' && enquiry.escalatedTo === 'team-leader' ? 'team-leader' : 'caseworker',
    requiredSkills: needsWelsh(enquiry) ? ['welsh'] : [],
    excludedOfficer: null,
    majorPriority: enquiry.majorPriority,
    minorPriority: enquiry.minorPriority,
    priorityDate: enquiry.priorityDate,
    dueAt: due.dueAt,
    calendarVersion: due.calendarVersion,
    status: assignedTo ? 'assigned' : 'unassigned',
    assignedTo,
    escalated: status === 'escalated',
    clocksPaused: !first && enquiry.clocks.some((c) => c.status === 'paused'),
  };
}

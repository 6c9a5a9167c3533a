import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Transaction } from '@ccsc/messaging';
import type { EnquiryRecord } from '../../enquiry/domain/enquiry';
import { ENQUIRY_TASK_TYPE, enquiryTaskOf, type EnquiryTaskShape } from '../domain/enquiry-task';
import { assertMayBeGiven, refusal, type TaskNeeds } from '../domain/officer';
import type { Task } from '../domain/task';
import { OfficerRepository } from '../infrastructure/officer.repository';
import { TaskRepository } from '../infrastructure/task.repository';
import { TaskChanges } from './task-changes';

/**
 * Keeps each enquiry's task of the work queue in step with the enquiry, inside the transaction that
 * changes the enquiry (EnquiryChanges and raising call it with the enquiry locked): made when the
 * enquiry reaches a queue, moved, re-prioritised, given, handed back and escalated as the enquiry is,
 * and completed when it is resolved or closed. Each change goes through TaskChanges, so it has its
 * history and its task-changed event like every other task's.
 */
@Injectable()
export class EnquiryTasks {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly changes: TaskChanges,
    private readonly officers: OfficerRepository,
  ) {}

  /**
   * Who an auto-assign queue gives the enquiry to, when it newly waits in one (it has no task yet: work
   * handed back is not pushed onto someone again) and someone may take it now; the officer is locked,
   * as for any auto-assignment.
   */
  async autoAssignee(tx: Transaction, enquiry: EnquiryRecord): Promise<string | null> {
    const shape = enquiryTaskOf(enquiry, this.changes.hours.calendar);
    if (!shape || shape.status !== 'unassigned') return null;
    if (await this.tasks.openBySource(tx.manager, ENQUIRY_TASK_TYPE, enquiry.id)) return null;
    return this.changes.autoAssignee(tx, { ...shape, team: await this.changes.teamOf(tx, shape.queueId) });
  }

  /**
   * Whether the officer an enquiry names may hold it when it comes back to them with no task open (the
   * customer wrote back after it was resolved): they may have left the team, gone on leave or filled up
   * since. An enquiry whose task is open is judged when it is given (settle).
   */
  async mayHold(tx: Transaction, enquiry: EnquiryRecord): Promise<boolean> {
    const shape = enquiryTaskOf(enquiry, this.changes.hours.calendar);
    if (!shape?.assignedTo) return true;
    if (await this.tasks.openBySource(tx.manager, ENQUIRY_TASK_TYPE, enquiry.id)) return true;
    const { profile, open } = await this.standing(tx, shape.assignedTo);
    const needs = { ...shape, team: await this.changes.teamOf(tx, shape.queueId) };
    return refusal(profile, needs, open, tx.now) === null;
  }

  /**
   * Brings the enquiry's open task in line with the enquiry as it now is; refuses to give it to an
   * officer who may not have it. `how` says the change was an automatic assignment (the system's, not the
   * caller's, in the task's history).
   */
  async settle(tx: Transaction, enquiry: EnquiryRecord, how?: 'auto-assigned'): Promise<void> {
    const want = enquiryTaskOf(enquiry, this.changes.hours.calendar);
    let task = await this.tasks.openBySource(tx.manager, ENQUIRY_TASK_TYPE, enquiry.id);
    const before = task;
    if (!want) {
      if (task) {
        const done = enquiry.status === 'resolved' || enquiry.status === 'closed';
        await this.changes.close(tx, task, done ? 'completed' : 'cancelled', null, `the enquiry is ${enquiry.status}`);
      }
      return;
    }
    // While the customer is asked something its clocks are paused: the task keeps the due time it had.
    if (want.clocksPaused && task) Object.assign(want, { dueAt: task.dueAt, calendarVersion: task.calendarVersion });
    if (!task) {
      const id = randomUUID();
      await this.tasks.insert(tx.manager, { ...want, id, createdByEvent: null, createdAt: tx.now });
      task = await this.tasks.current(tx.manager, id);
      await this.changes.noted(tx, task, 'created', null, null);
    } else if (reshaped(task, want)) {
      await this.tasks.reshape(tx.manager, task.id, want);
      const escalated = want.escalated && !task.escalated;
      const heldBy = task.assignedTo;
      task = await this.tasks.current(tx.manager, task.id);
      if (escalated) {
        if (task.assignedTo) await this.tasks.release(tx.manager, task.id);
        task = await this.tasks.current(tx.manager, task.id);
        await this.changes.noted(tx, task, 'escalated', heldBy, null);
      } else await this.changes.noted(tx, task, 'moved', task.assignedTo, task.assignedTo);
    }
    if (want.assignedTo === task.assignedTo) return;
    if (!want.assignedTo) await this.changes.release(tx, task);
    else if (how) await this.changes.assign(tx, task, want.assignedTo, 'assigned', how);
    else {
      // Given to someone now (claimed, assigned, moved), by whatever route, under the work queue's rule,
      // as the work stood before the change too (an assignment ends an escalation: the team leader's
      // work is still a team leader's to be given). A task made for an enquiry that comes back to its
      // officer (the customer wrote back) is theirs already.
      if (before) await this.mayBeGiven(tx, strictest(before, task), want.assignedTo);
      const kind = want.assignedTo === tx.context.actor ? 'claimed' : task.assignedTo ? 'reassigned' : 'assigned';
      await this.changes.assign(tx, task, want.assignedTo, kind);
    }
  }

  /** The officer, locked, may be given the task now: in its team, skilled, on shift, with room. */
  private async mayBeGiven(tx: Transaction, task: TaskNeeds, officer: string): Promise<void> {
    const { profile, open } = await this.standing(tx, officer);
    assertMayBeGiven(profile, task, open, tx.now, officer === tx.context.actor ? 'You are' : `${officer} is`);
  }

  /** The officer's profile and the open tasks they hold, under their lock, as every allocation counts them. */
  private async standing(tx: Transaction, officer: string) {
    await this.officers.lock(tx.manager, [officer]);
    const profile = await this.officers.get(tx.manager, officer);
    const open = (await this.tasks.openCounts(tx.manager, [officer])).get(officer) ?? 0;
    return { profile, open };
  }
}

/** The needs of a task as it is now, with the role and skills it needed before the change as well. */
function strictest(before: TaskNeeds, now: TaskNeeds): TaskNeeds {
  return {
    ...now,
    requiredRole: before.requiredRole === 'team-leader' ? 'team-leader' : now.requiredRole,
    requiredSkills: [...new Set([...before.requiredSkills, ...now.requiredSkills])],
  };
}

/** Whether the task's place, order or due time differ from what its enquiry now says. */
function reshaped(task: Task, want: EnquiryTaskShape): boolean {
  return (
    task.caseId !== want.caseId ||
    task.queueId !== want.queueId ||
    task.requiredRole !== want.requiredRole ||
    task.requiredSkills.join() !== want.requiredSkills.join() ||
    task.majorPriority !== want.majorPriority ||
    task.minorPriority !== want.minorPriority ||
    task.priorityDate.getTime() !== want.priorityDate.getTime() ||
    task.dueAt.getTime() !== want.dueAt.getTime() ||
    task.escalated !== want.escalated
  );
}

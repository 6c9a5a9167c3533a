import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Transaction } from '@ccsc/messaging';
import type { EnquiryRecord } from '../../enquiry/domain/enquiry';
import { ENQUIRY_TASK_TYPE, enquiryTaskOf, type EnquiryTaskShape } from '../domain/enquiry-task';
import { assertMayBeGiven } from '../domain/officer';
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

  /** Brings the enquiry's open task in line with the enquiry as it now is; refuses to give it to an officer who may not have it. */
  async settle(tx: Transaction, enquiry: EnquiryRecord): Promise<void> {
    const want = enquiryTaskOf(enquiry, this.changes.hours.calendar);
    let task = await this.tasks.openBySource(tx.manager, ENQUIRY_TASK_TYPE, enquiry.id);
    const existed = task !== undefined;
    if (!want) {
      if (task) {
        const done = enquiry.status === 'resolved' || enquiry.status === 'closed';
        await this.changes.close(tx, task, done ? 'completed' : 'cancelled', null, `the enquiry is ${enquiry.status}`);
      }
      return;
    }
    if (!task) {
      const id = randomUUID();
      await this.tasks.insert(tx.manager, { ...want, id, createdByEvent: null, createdAt: tx.now });
      task = await this.tasks.current(tx.manager, id);
      await this.changes.noted(tx, task, 'created', null, null);
    } else if (reshaped(task, want)) {
      await this.tasks.reshape(tx.manager, task.id, want);
      const escalated = want.escalated && !task.escalated;
      const before = task;
      task = await this.tasks.current(tx.manager, task.id);
      if (escalated) {
        if (task.assignedTo) await this.tasks.release(tx.manager, task.id);
        task = await this.tasks.current(tx.manager, task.id);
        await this.changes.noted(tx, task, 'escalated', before.assignedTo, null);
      }
    }
    if (want.assignedTo === task.assignedTo) return;
    if (!want.assignedTo) await this.changes.release(tx, task);
    else {
      // Given to someone now (claimed, assigned, moved), by whatever route: the work queue's rule decides.
      // A task made for an enquiry that comes back to its officer (the customer wrote back) is theirs already.
      if (existed) await this.mayBeGiven(tx, task, want.assignedTo);
      const kind = want.assignedTo === tx.context.actor ? 'claimed' : task.assignedTo ? 'reassigned' : 'assigned';
      await this.changes.assign(tx, task, want.assignedTo, kind);
    }
  }

  /** The officer, locked, may be given the task now: in its team, skilled, on shift, with room. */
  private async mayBeGiven(tx: Transaction, task: Task, officer: string): Promise<void> {
    await this.officers.lock(tx.manager, [officer]);
    const profile = await this.officers.get(tx.manager, officer);
    const open = (await this.tasks.openCounts(tx.manager, [officer])).get(officer) ?? 0;
    assertMayBeGiven(profile, task, open, tx.now, officer === tx.context.actor ? 'You are' : `${officer} is`);
  }
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

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@ccsc/contracts';
import type { Transaction } from '@ccsc/messaging';
import { dueBefore, dueOf } from '../domain/task';
import { asRulesRead } from '../domain/older-events';
import { meets, taskSpecOf, textOf, type EventMatch } from '../domain/task-rules';
import { TaskRepository } from '../infrastructure/task.repository';
import { TaskChanges } from './task-changes';
import { TaskRuleBook } from './task-rule-book';

/**
 * What an event does to the work queue under the task rules, in the consumer's transaction (the inbox
 * makes a redelivered event a no-op, and one task per piece of work makes a replayed one too): first
 * it completes or cancels the tasks it ends, then cancels the open tasks a closed case no longer needs,
 * brings forward those a listed hearing makes urgent, and last creates the tasks it starts.
 */
@Injectable()
export class TaskEvents {
  constructor(
    private readonly book: TaskRuleBook,
    private readonly tasks: TaskRepository,
    private readonly changes: TaskChanges,
  ) {}

  async apply(tx: Transaction, received: EventEnvelope): Promise<void> {
    const event = asRulesRead(received);
    const data = event.data as Record<string, unknown>;
    const { rules, caseEvents } = this.book.rules;
    for (const rule of rules) {
      await this.end(tx, event, rule.taskType, rule.complete, 'completed');
      await this.end(tx, event, rule.taskType, rule.cancel, 'cancelled');
    }
    for (const c of caseEvents.cancel) {
      const caseId = textOf(data, c.case);
      if (event.type !== c.on || !meets(data, c.if) || !caseId) continue;
      for (const task of await this.tasks.openOnCase(tx.manager, caseId, c.taskTypes))
        await this.changes.close(
          tx,
          task,
          'cancelled',
          event.id,
          `the case moved to ${textOf(data, 'to') ?? 'a final state'}`,
        );
    }
    for (const e of caseEvents.expedite) {
      const caseId = textOf(data, e.case);
      const when = textOf(data, e.priorityDate);
      if (event.type !== e.on || !meets(data, e.if) || !caseId || !when) continue;
      const day = new Date(when);
      const dueAt = dueBefore(day, e.dueWorkingDaysBefore.workingDays, this.changes.hours.calendar);
      for (const task of await this.tasks.openOnCase(tx.manager, caseId, e.taskTypes)) {
        await this.tasks.expedite(tx.manager, task.id, e.majorPriority, day, dueAt);
        await this.changes.noted(tx, task, 'expedited', task.assignedTo, task.assignedTo, 'a hearing was listed');
      }
    }
    for (const rule of rules) {
      const spec = taskSpecOf(this.book.rules, rule, event);
      if (!spec) continue;
      const createdAt = new Date(event.time);
      const due = dueOf(rule.due, data, createdAt, this.changes.hours);
      const id = randomUUID();
      const created = await this.tasks.insert(tx.manager, {
        ...spec,
        id,
        priorityDate: createdAt,
        dueAt: due.dueAt,
        calendarVersion: due.calendarVersion,
        createdByEvent: event.id,
        createdAt,
      });
      if (!created) continue;
      const task = await this.tasks.current(tx.manager, id);
      await this.changes.noted(tx, task, 'created', null, null);
      await this.changes.autoAssign(tx, task);
    }
  }

  private async end(
    tx: Transaction,
    event: EventEnvelope,
    taskType: string,
    matches: EventMatch[] | undefined,
    status: 'completed' | 'cancelled',
  ): Promise<void> {
    const data = event.data as Record<string, unknown>;
    for (const m of matches ?? []) {
      const key = textOf(data, m.key);
      if (event.type !== m.on || !meets(data, m.if) || key === undefined) continue;
      // A piece of work's events arrive in order (one subject, one partition), so an ending closes the
      // open task whatever its timestamp says (an event's time is taken before its transaction waits
      // for locks, so it is not commit order). Only a dead letter replayed late comes out of order: an
      // ending with no task open is remembered, so the work's late creating event makes none.
      const task = await this.tasks.openBySource(tx.manager, taskType, key);
      if (task) await this.changes.close(tx, task, status, event.id);
      else await this.tasks.ended(tx.manager, taskType, key, new Date(event.time));
    }
  }
}

import { Injectable } from '@nestjs/common';
import { OpeningHours } from '@ccsc/calendar';
import { taskChangedV1, type TaskChangeKind } from '@ccsc/contracts';
import type { Transaction } from '@ccsc/messaging';
import { query, sql } from '@ccsc/platform';
import { leastLoaded } from '../domain/allocation';
import { refusal, type TaskNeeds } from '../domain/officer';
import type { Task } from '../domain/task';
import { OfficerRepository } from '../infrastructure/officer.repository';
import { TaskRepository } from '../infrastructure/task.repository';

/**
 * The one way a task changes, for commands and event handlers alike: the row, its history and its
 * `queries.task-changed.v1` event (which feeds the live subscriptions), in the caller's transaction.
 */
@Injectable()
export class TaskChanges {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly officers: OfficerRepository,
    readonly hours: OpeningHours,
  ) {}

  async assign(
    tx: Transaction,
    task: Task,
    officer: string,
    kind: 'assigned' | 'claimed' | 'reassigned',
    reason?: string,
  ) {
    const previous = task.assignedTo;
    await this.tasks.assign(tx.manager, task.id, officer, tx.now);
    await this.noted(tx, { ...task, status: 'assigned', assignedTo: officer }, kind, previous, officer, reason);
  }

  async release(tx: Transaction, task: Task, reason?: string) {
    await this.tasks.release(tx.manager, task.id);
    await this.noted(
      tx,
      { ...task, status: 'unassigned', assignedTo: null },
      'released',
      task.assignedTo,
      null,
      reason,
    );
  }

  async close(tx: Transaction, task: Task, status: 'completed' | 'cancelled', eventId: string | null, reason?: string) {
    await this.tasks.close(tx.manager, task.id, status, eventId, tx.now);
    await this.noted(tx, { ...task, status, assignedTo: null }, status, task.assignedTo, null, reason);
  }

  /**
   * Gives a task waiting in an auto-assign queue to the least-loaded officer who may take it now;
   * it stays in the queue when nobody may.
   */
  async autoAssign(tx: Transaction, task: Task): Promise<void> {
    const officer = await this.autoAssignee(tx, task);
    if (officer) await this.assign(tx, task, officer, 'assigned', 'auto-assigned');
  }

  /**
   * The least-loaded officer who may take work of these needs now, when its queue auto-assigns, else
   * null. They are counted again under their lock, as a claim is: a claim at this moment cannot overfill them.
   */
  async autoAssignee(tx: Transaction, task: TaskNeeds & { queueId: string }): Promise<string | null> {
    if (!(await autoAssigns(tx, task.queueId))) return null;
    const candidates = await this.officers.candidates(tx.manager, task.team, task.requiredSkills);
    if (candidates.length === 0) return null;
    const open = await this.tasks.openCounts(
      tx.manager,
      candidates.map((c) => c.userId),
    );
    const chosen = leastLoaded(
      task,
      candidates.map((officer) => ({ officer, open: open.get(officer.userId) ?? 0 })),
      tx.now,
    );
    if (!chosen) return null;
    const officer = chosen.officer.userId;
    await this.officers.lock(tx.manager, [officer]);
    const now = (await this.tasks.openCounts(tx.manager, [officer])).get(officer) ?? 0;
    return refusal(chosen.officer, task, now, tx.now) === null ? officer : null;
  }

  /** The team that works a queue. */
  async teamOf(tx: Transaction, queueId: string): Promise<string> {
    const rows = await query<{ team: string }>(tx.manager, sql`SELECT team FROM work_queues WHERE id = ${queueId}`);
    return rows[0]?.team ?? '';
  }

  async noted(
    tx: Transaction,
    task: Task,
    change: TaskChangeKind,
    previouslyAssignedTo: string | null,
    officer: string | null,
    reason?: string,
  ): Promise<void> {
    await this.tasks.record(tx.manager, task.id, {
      kind: change,
      officer,
      actor: tx.context.actor ?? 'system',
      reason: reason ?? null,
      at: tx.now,
    });
    tx.publish({
      type: taskChangedV1,
      subject: task.id,
      data: {
        taskId: task.id,
        taskType: task.taskType,
        queueId: task.queueId,
        change,
        status: task.status,
        ...(task.assignedTo ? { assignedTo: task.assignedTo } : {}),
        ...(previouslyAssignedTo && previouslyAssignedTo !== task.assignedTo ? { previouslyAssignedTo } : {}),
        ...(task.caseId ? { caseId: task.caseId } : {}),
      },
    });
  }
}

async function autoAssigns(tx: Transaction, queueId: string): Promise<boolean> {
  const rows = await query<{ auto: boolean }>(
    tx.manager,
    sql`SELECT auto_assign AS auto FROM work_queues WHERE id = ${queueId}`,
  );
  return rows[0]?.auto === true;
}

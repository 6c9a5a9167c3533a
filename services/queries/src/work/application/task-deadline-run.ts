import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@ccsc/messaging';
import { AT_RISK_WORKING_HOURS } from '../domain/task';
import { TaskRepository } from '../infrastructure/task.repository';
import { TaskChanges } from './task-changes';

/**
 * How long an ending with no task is kept (work_task_endings): long enough for a dead letter to be
 * replayed after its cause is fixed. A creating event replayed later than this makes a task for work
 * already done, which its officer closes; the table does not grow without end.
 */
const ENDINGS_KEPT_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TaskDeadlineRunResult {
  overdue: number;
  atRisk: number;
  ranAt: Date;
}

/**
 * The scheduled deadline run, also callable by team leaders: one statement over every open task flags
 * it overdue once past due, and at risk once due within the service centre's next
 * AT_RISK_WORKING_HOURS working hours (libs/calendar's opening hours); and endings kept for late
 * creating events are forgotten after ENDINGS_KEPT_DAYS.
 */
@Injectable()
export class TaskDeadlineRun {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tasks: TaskRepository,
    private readonly changes: TaskChanges,
  ) {}

  run(now = new Date()): Promise<TaskDeadlineRunResult> {
    return this.unitOfWork.run(
      { actor: 'system' },
      async (tx) => {
        const riskUntil = this.changes.hours.addWorkingHours(tx.now, AT_RISK_WORKING_HOURS);
        const { overdue, atRisk } = await this.tasks.flagDeadlines(tx.manager, tx.now, riskUntil);
        await this.tasks.forgetEndings(tx.manager, new Date(tx.now.getTime() - ENDINGS_KEPT_DAYS * DAY_MS));
        return { overdue, atRisk, ranAt: tx.now };
      },
      now,
    );
  }
}

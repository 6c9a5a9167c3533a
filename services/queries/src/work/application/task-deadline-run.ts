import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@ccsc/messaging';
import { AT_RISK_WORKING_HOURS } from '../domain/task';
import { TaskRepository } from '../infrastructure/task.repository';
import { TaskChanges } from './task-changes';

export interface TaskDeadlineRunResult {
  overdue: number;
  atRisk: number;
  ranAt: Date;
}

/**
 * The scheduled deadline run, also callable by team leaders: one statement over every open task flags
 * it overdue once past due, and at risk once due within the service centre's next
 * AT_RISK_WORKING_HOURS working hours (libs/calendar's opening hours).
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
        return { overdue, atRisk, ranAt: tx.now };
      },
      now,
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import type { Transaction } from '@ccsc/messaging';

/**
 * Work whose own record says who has it (an enquiry): the work queue's commands on its tasks go
 * through the record's own commands, and the record's changes keep its task in step. The record is
 * locked before its task, in every path, so the two kinds of change never wait on each other in a ring.
 */
export interface TaskSource {
  /** Locks the record; false, without waiting, when someone else holds it and `skipLocked` is set. */
  lock(tx: Transaction, key: string, skipLocked?: boolean): Promise<boolean>;
  /**
   * Brings the task in line with its locked record, before the task is given: a task left out of step
   * (by a replica of an older release, or a repair by hand) is put right rather than given out wrongly.
   */
  refresh(tx: Transaction, key: string): Promise<void>;
  claim(tx: Transaction, key: string, principal: Principal): Promise<void>;
  assign(tx: Transaction, key: string, officer: string, principal: Principal, reason?: string): Promise<void>;
  release(tx: Transaction, key: string, principal: Principal, reason?: string): Promise<void>;
  escalate(tx: Transaction, key: string, principal: Principal, reason: string): Promise<void>;
}

/** The task types whose work is kept by a record of its own, each with the commands of that record. */
@Injectable()
export class TaskSources {
  private readonly byType = new Map<string, TaskSource>();

  register(taskType: string, source: TaskSource): void {
    this.byType.set(taskType, source);
  }

  of(taskType: string): TaskSource | undefined {
    return this.byType.get(taskType);
  }
}

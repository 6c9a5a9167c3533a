import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { taskChangedV1, type EventEnvelope, type TaskChangedV1, type TaskChangeKind } from '@ccsc/contracts';
import { LiveEvents, mapLive } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { DataSource } from 'typeorm';
import type { Task } from '../domain/task';
import { TaskRepository } from '../infrastructure/task.repository';
import { queueIds } from './task-rule-book';

/** A change to a task as a subscriber receives it: what happened, and the task as it now stands. */
export interface TaskChange {
  change: TaskChangeKind;
  task: Task;
}

/**
 * "My tasks changed" and "queue changed", from the service's own `task-changed` events followed live
 * on every replica (LiveEvents), so a subscriber hears of a change whichever replica made it. Who may
 * subscribe is checked on subscribing (the resolver's roles; a queue must exist), and the connection
 * ends when the token it was opened with expires (libs/platform subgraph-subscriptions), so a role
 * taken away lasts no longer than the token. Each event's task is read afresh: what is delivered is the
 * task as it stands, never the event's own claims about it.
 */
@Injectable()
export class TaskFeed implements OnModuleInit {
  constructor(
    private readonly live: LiveEvents,
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
  ) {}

  onModuleInit() {
    this.live.follow(taskChangedV1);
  }

  /** Changes to the tasks the subscriber holds, is given, or no longer holds. */
  mine(principal: Principal): AsyncIterableIterator<TaskChange> {
    const events = this.live.subscribe(
      taskChangedV1,
      (e) => e.data.assignedTo === principal.sub || e.data.previouslyAssignedTo === principal.sub,
    );
    return this.delivered(events);
  }

  /** Changes to the tasks of a queue. */
  async queue(queueId: string): Promise<AsyncIterableIterator<TaskChange>> {
    // Subscribed before the check, so no change made while it runs is missed.
    const events = this.live.subscribe(taskChangedV1, (e) => e.data.queueId === queueId);
    if (!(await queueIds(this.dataSource.manager)).has(queueId)) {
      await events.return?.();
      throw new NotFoundError('The queue');
    }
    return this.delivered(events);
  }

  private delivered(events: AsyncIterableIterator<EventEnvelope<TaskChangedV1>>) {
    return mapLive(events, async (event) => {
      const task = await this.tasks.get(this.dataSource.manager, event.data.taskId);
      return task && { change: event.data.change, task };
    });
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { eventTypeOf } from '@ccsc/contracts';
import { EventHandlers, withinTransaction } from '@ccsc/messaging';
import { TaskEvents } from '../application/task-events';
import { TaskRuleBook } from '../application/task-rule-book';

/** Every event a task rule names, from any service, applied to the work queue through the inbox. */
@Injectable()
export class TaskEventsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly book: TaskRuleBook,
    private readonly taskEvents: TaskEvents,
  ) {}

  onModuleInit() {
    for (const name of this.book.eventTypes()) {
      const type = eventTypeOf(name);
      // checkTaskRules refuses an unknown type at start-up; this keeps the compiler and a reader sure.
      if (!type) throw new Error(`task-rules.json names an unknown event ${name}`);
      this.handlers.on(type, (event, manager) =>
        withinTransaction(
          manager,
          { causationId: event.id, correlationId: event.correlationid, actor: 'system' },
          (tx) => this.taskEvents.apply(tx, event),
        ),
      );
    }
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventHandlers, withinTransaction } from '@ccsc/messaging';
import { CorrespondenceRequests } from '../application/correspondence-requests';
import { CorrespondenceRuleBook } from '../application/correspondence-rule-book';

/**
 * Payments' own events that its correspondence rules name, read back from its own topic through the inbox,
 * so a letter is decided the same way whichever command (or consumer) raised the event. The inbox makes a
 * redelivered event a no-op, and the request's id (a UUID v5 of event and template) makes even a replay
 * past the inbox the same request to cases.
 */
@Injectable()
export class CorrespondenceEventsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly book: CorrespondenceRuleBook,
    private readonly requests: CorrespondenceRequests,
  ) {}

  onModuleInit() {
    for (const type of this.book.eventTypes())
      this.handlers.on(type, (event, manager) =>
        withinTransaction(
          manager,
          { causationId: event.id, correlationId: event.correlationid, actor: 'system' },
          async (tx) => void (await this.requests.apply(tx, event)),
        ),
      );
  }
}

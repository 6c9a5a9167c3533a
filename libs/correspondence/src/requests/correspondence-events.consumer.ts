import type { OnModuleInit } from '@nestjs/common';
import { withinTransaction, type EventHandlers } from '@ccsc/messaging';
import type { CorrespondenceRuleBook } from './correspondence-rule-book';
import type { CorrespondenceRequests } from './correspondence-requests';

/**
 * A service's own events that its correspondence rules name, applied as the service's own events are
 * (libs/messaging: in the transaction that publishes them, or by its consumer through the inbox when
 * a batch run inserted them), so a notice is decided the same way whichever command, consumer or batch
 * raised the event. The inbox makes a second application a no-op, and the request's id (a UUID v5 of
 * event and template) makes even a replay past the inbox the same request to cases. A service's
 * provider extends it.
 */
export class CorrespondenceEventsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly book: CorrespondenceRuleBook,
    private readonly requests: Pick<CorrespondenceRequests<string, never, never>, 'apply'>,
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

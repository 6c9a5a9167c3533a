import { Injectable } from '@nestjs/common';
import { EventHandlers } from '@ccsc/messaging';
import * as shared from '@ccsc/correspondence/requests';
import { CorrespondenceRequests } from '../application/correspondence-requests';
import { CorrespondenceRuleBook } from '../application/correspondence-rule-book';

/**
 * Enforcement's own events that its rules name, read back from its own topic: the default run writes its
 * events in one SQL statement, so a notice cannot be decided beside each of them, and reading them back
 * treats an officer's action and the run's alike.
 */
@Injectable()
export class CorrespondenceEventsConsumer extends shared.CorrespondenceEventsConsumer {
  constructor(handlers: EventHandlers, book: CorrespondenceRuleBook, requests: CorrespondenceRequests) {
    super(handlers, book, requests);
  }
}

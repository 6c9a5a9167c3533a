import { Injectable } from '@nestjs/common';
import { EventHandlers } from '@ccsc/messaging';
import * as shared from '@ccsc/correspondence/requests';
import { CorrespondenceRequests } from '../application/correspondence-requests';
import { CorrespondenceRuleBook } from '../application/correspondence-rule-book';

/**
 * Enforcement's own events that its rules name: an officer's action is applied in the transaction that
 * publishes it, and the default run's (written in one SQL statement, so nothing is applied beside each)
 * by the consumer reading them back, by the same rules.
 */
@Injectable()
export class CorrespondenceEventsConsumer extends shared.CorrespondenceEventsConsumer {
  constructor(handlers: EventHandlers, book: CorrespondenceRuleBook, requests: CorrespondenceRequests) {
    super(handlers, book, requests);
  }
}

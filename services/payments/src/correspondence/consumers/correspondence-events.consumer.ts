import { Injectable } from '@nestjs/common';
import { EventHandlers } from '@ccsc/messaging';
import * as shared from '@ccsc/correspondence/requests';
import { CorrespondenceRequests } from '../application/correspondence-requests';
import { CorrespondenceRuleBook } from '../application/correspondence-rule-book';

/** Payments' own events that its rules name, whichever command (or consumer) raised them. */
@Injectable()
export class CorrespondenceEventsConsumer extends shared.CorrespondenceEventsConsumer {
  constructor(handlers: EventHandlers, book: CorrespondenceRuleBook, requests: CorrespondenceRequests) {
    super(handlers, book, requests);
  }
}

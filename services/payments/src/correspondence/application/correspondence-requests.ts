import { Injectable } from '@nestjs/common';
import { paymentsCorrespondenceRequestedV1, type EventEnvelope } from '@ccsc/contracts';
import type { Transaction } from '@ccsc/messaging';
import { correspondenceFor, rulesFor, type CorrespondenceOutcome } from '../domain/correspondence-rules';
import { CorrespondenceFactsRepository } from '../infrastructure/correspondence-facts.repository';
import { CorrespondenceRuleBook } from './correspondence-rule-book';

/**
 * Turns one of payments' own events into the requests its rules make, published through the outbox in
 * the event's inbox transaction: the request exists if and only if the event was applied, once.
 */
@Injectable()
export class CorrespondenceRequests {
  constructor(
    private readonly book: CorrespondenceRuleBook,
    private readonly facts: CorrespondenceFactsRepository,
  ) {}

  async apply(tx: Transaction, event: EventEnvelope): Promise<CorrespondenceOutcome[]> {
    // Most events meet no rule (a refund awaiting approval): those read nothing.
    if (rulesFor(this.book.rules, event).length === 0) return [];
    const facts = await this.facts.factsOf(tx.manager, event);
    if (!facts) return [];
    const outcomes = correspondenceFor(this.book.rules, event, facts);
    // Keyed by what the event is about (the payment, the refund, the application), as that event is.
    for (const outcome of outcomes)
      if ('request' in outcome)
        tx.publish({
          type: paymentsCorrespondenceRequestedV1,
          subject: event.subject ?? outcome.request.caseId,
          data: outcome.request,
        });
    return outcomes;
  }
}

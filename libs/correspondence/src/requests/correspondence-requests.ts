import type { LocalDate } from '@ccsc/calendar';
import type { CorrespondenceRequestedV1, EventEnvelope, EventType } from '@ccsc/contracts';
import type { Transaction } from '@ccsc/messaging';
import type { EntityManager } from 'typeorm';
import type { CorrespondenceRuleBook } from './correspondence-rule-book';
import {
  correspondenceFor,
  rulesFor,
  type CorrespondenceOutcome,
  type CorrespondenceReading,
  type CorrespondenceRule,
} from './correspondence-rules';

/** What differs between services in publishing their requests, beside reading their facts. */
export interface CorrespondenceRequestsOf<SourceName extends string, Rule, Facts extends { day: LocalDate }> {
  /** `<service>CorrespondenceRequestedV1`. */
  requested: EventType<CorrespondenceRequestedV1>;
  reading: CorrespondenceReading<SourceName, Rule, Facts>;
  /** The request's subject, as the service keys its other events about the same thing. */
  subjectOf(event: EventEnvelope, facts: Facts, request: CorrespondenceRequestedV1): string;
}

/** A service's repository of what it knows when an event calls for correspondence. */
export interface CorrespondenceFactsSource<Facts> {
  /** Read in the event's inbox transaction; undefined when there is nothing to write about. */
  factsOf(manager: EntityManager, event: EventEnvelope): Promise<Facts | undefined>;
}

/**
 * Turns one of a service's own events into the requests its rules make, published through the outbox in
 * the event's inbox transaction: the request exists if and only if the event was applied, once.
 */
export class CorrespondenceRequests<
  SourceName extends string,
  Rule extends CorrespondenceRule<SourceName>,
  Facts extends { day: LocalDate },
> {
  constructor(
    private readonly book: CorrespondenceRuleBook<Rule>,
    private readonly facts: CorrespondenceFactsSource<Facts>,
    private readonly service: CorrespondenceRequestsOf<SourceName, Rule, Facts>,
  ) {}

  async apply(tx: Transaction, event: EventEnvelope): Promise<CorrespondenceOutcome[]> {
    // Most events meet no rule: those read nothing.
    if (rulesFor(this.book.rules, event).length === 0) return [];
    const facts = await this.facts.factsOf(tx.manager, event);
    if (!facts) return [];
    const outcomes = correspondenceFor(this.book.rules, event, facts, this.service.reading);
    for (const outcome of outcomes)
      if ('request' in outcome)
        tx.publish({
          type: this.service.requested,
          subject: this.service.subjectOf(event, facts, outcome.request),
          data: outcome.request,
        });
    return outcomes;
  }
}

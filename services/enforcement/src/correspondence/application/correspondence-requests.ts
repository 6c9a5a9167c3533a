import { Injectable } from '@nestjs/common';
import * as shared from '@ccsc/correspondence/requests';
import * as rules from '../domain/correspondence-rules';
import { CorrespondenceFactsRepository } from '../infrastructure/correspondence-facts.repository';
import { CorrespondenceRuleBook } from './correspondence-rule-book';

@Injectable()
export class CorrespondenceRequests extends shared.CorrespondenceRequests<
  rules.ValueSourceName,
  rules.CorrespondenceRule,
  rules.CorrespondenceFacts
> {
  constructor(book: CorrespondenceRuleBook, facts: CorrespondenceFactsRepository) {
    super(book, facts, rules.ENFORCEMENT_REQUESTS);
  }
}

import { Injectable } from '@nestjs/common';
import * as shared from '@ccsc/correspondence/requests';
import { ENFORCEMENT_RULE_SCHEMA, type CorrespondenceRule } from '../domain/correspondence-rules';
import { SHIPPED_CORRESPONDENCE_RULES } from '../domain/shipped-correspondence-rules';

/** The correspondence rules this process runs on, checked against the templates when the module is built. */
@Injectable()
export class CorrespondenceRuleBook extends shared.CorrespondenceRuleBook<CorrespondenceRule> {
  constructor() {
    super(SHIPPED_CORRESPONDENCE_RULES, ENFORCEMENT_RULE_SCHEMA);
  }
}

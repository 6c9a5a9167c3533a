import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { CaseQueries } from '../../case/application/case.queries';
import type { Decision } from '../domain/decision';
import { DecisionRepository } from '../infrastructure/decision.repository';

/** Decisions are read by whoever may see their case. */
@Injectable()
export class DecisionQueries {
  constructor(
    private readonly cases: CaseQueries,
    private readonly decisions: DecisionRepository,
  ) {}

  async list(caseId: string, principal: Principal): Promise<Decision[]> {
    await this.cases.get(caseId, principal);
    return this.decisions.forCase(caseId);
  }
}

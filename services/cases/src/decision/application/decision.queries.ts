import { Injectable } from '@nestjs/common';
import { isStaff, type Principal } from '@ccsc/auth';
import { CaseQueries } from '../../case/application/case.queries';
import { asSeenByParties, type DecisionAsSeen } from '../domain/decision';
import { DecisionRepository } from '../infrastructure/decision.repository';

/** Decisions are read by whoever may see their case; a check's comments by staff only. */
@Injectable()
export class DecisionQueries {
  constructor(
    private readonly cases: CaseQueries,
    private readonly decisions: DecisionRepository,
  ) {}

  async list(caseId: string, principal: Principal): Promise<DecisionAsSeen[]> {
    await this.cases.get(caseId, principal);
    const decisions = await this.decisions.forCase(caseId);
    return isStaff(principal) ? decisions : decisions.map(asSeenByParties);
  }
}

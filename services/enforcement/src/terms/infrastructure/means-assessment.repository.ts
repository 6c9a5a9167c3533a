import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, sql } from '@ccsc/platform';
import type { MeansAssessment } from '../domain/means-assessment';
import type { PaymentTerms } from '../domain/payment-terms';

export interface RecordedMeansAssessment {
  id: string;
  accountId: string;
  means: MeansAssessment;
  proposedTerms: PaymentTerms;
  assessedBy: string;
  assessedAt: Date;
}

/** The means assessments recorded on accounts, with the terms each proposed. */
@Injectable()
export class MeansAssessmentRepository {
  async insert(manager: EntityManager, m: RecordedMeansAssessment): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO means_assessments (id, account_id, weekly_income_pence, weekly_outgoings_pence, dependants,
            proposed_terms, assessed_by, assessed_at)
          VALUES (${m.id}, ${m.accountId}, ${m.means.weeklyIncomePence}, ${m.means.weeklyOutgoingsPence},
                  ${m.means.dependants}, ${JSON.stringify(m.proposedTerms)}, ${m.assessedBy}, ${m.assessedAt})`,
    );
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { paymentTermsVariedV1 } from '@ccsc/contracts';
import { londonLocalDate } from '@ccsc/calendar';
import { UnitOfWork } from '@ccsc/messaging';
import { BadUserInputError } from '@ccsc/platform';
import { checkTerms, checkTermsFor, Frequency, PaymentTerms } from '../domain/payment-terms';
import { MeansAssessment, proposeTerms } from '../domain/means-assessment';
import { MeansAssessmentRepository } from '../infrastructure/means-assessment.repository';
import { assertLive } from '../../account/domain/fine-account';
import { AccountRepository } from '../../account/infrastructure/account.repository';

export interface TermsChange {
  version: number;
  terms: PaymentTerms;
  reason: string;
  changedBy: string;
  changedAt: Date;
}

/**
 * Varying terms keeps the reason and the old terms in the history. New terms are a fresh start
 * against the schedule, so the account leaves default; the actions already taken stay on record
 * and still decide which action may come next.
 */
@Injectable()
export class TermsCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly assessments: MeansAssessmentRepository,
  ) {}

  vary(
    accountId: string,
    terms: PaymentTerms,
    reason: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<TermsChange> {
    checkTerms(terms);
    if (!reason.trim())
      throw new BadUserInputError('A variation needs a reason', [{ field: 'reason', message: 'must not be empty' }]);
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const account = assertLive(await this.accounts.findForUpdate(tx.manager, accountId));
        checkTermsFor(terms, account.balancePence, londonLocalDate(tx.now));
        const change: TermsChange = {
          version: account.termsVersion + 1,
          terms,
          reason: reason.trim(),
          changedBy: principal.sub,
          changedAt: tx.now,
        };
        await this.accounts.changeTerms(tx.manager, accountId, change.version, terms);
        await this.accounts.addTermsHistory(tx.manager, accountId, change);
        tx.publish({
          type: paymentTermsVariedV1,
          subject: accountId,
          data: {
            accountId,
            version: change.version,
            kind: terms.kind,
            ...(account.caseId ? { caseId: account.caseId } : {}),
          },
        });
        return change;
      },
      now,
    );
  }

  /**
   * Records a means assessment and the terms it makes affordable for the balance; the officer then
   * varies the terms if they agree.
   */
  assess(
    accountId: string,
    means: MeansAssessment,
    frequency: Frequency | undefined,
    principal: Principal,
    now = new Date(),
  ): Promise<{ id: string; proposedTerms: PaymentTerms }> {
    return this.unitOfWork.run(
      { actor: principal.sub },
      async (tx) => {
        const account = assertLive(await this.accounts.findForUpdate(tx.manager, accountId));
        const proposedTerms = proposeTerms(means, account.balancePence, londonLocalDate(tx.now), frequency);
        const id = randomUUID();
        await this.assessments.insert(tx.manager, {
          id,
          accountId,
          means,
          proposedTerms,
          assessedBy: principal.sub,
          assessedAt: tx.now,
        });
        return { id, proposedTerms };
      },
      now,
    );
  }
}

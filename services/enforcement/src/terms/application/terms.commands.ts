import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { paymentTermsVariedV1 } from '@ccsc/contracts';
import { londonLocalDate } from '@ccsc/calendar';
import { appendToOutbox } from '@ccsc/messaging';
import { BadUserInputError } from '@ccsc/platform';
import { checkTerms, Frequency, PaymentTerms } from '../domain/payment-terms';
import { MeansAssessment, proposeTerms } from '../domain/means-assessment';
import { liveAccount } from '../../action/application/action.commands';
import { TERMS_COLUMNS, termsColumns } from '../../account/infrastructure/account.store';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  vary(accountId: string, terms: PaymentTerms, reason: string, principal: Principal, correlationId?: string, now = new Date()): Promise<TermsChange> {
    checkTerms(terms);
    if (!reason.trim()) throw new BadUserInputError('A variation needs a reason', [{ field: 'reason', message: 'must not be empty' }]);
    return this.dataSource.transaction(async (manager) => {
      const account = await liveAccount(manager, accountId);
      const version = account.termsVersion + 1;
      const columns = TERMS_COLUMNS.split(', ');
      await manager.query(
        `UPDATE fine_accounts SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}, terms_version = $2, defaulted_on = NULL, arrears_pence = NULL, path_step = NULL WHERE id = $1`,
        [accountId, version, ...termsColumns(terms)],
      );
      await manager.query(`INSERT INTO payment_terms_history (account_id, version, terms, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        accountId, version, JSON.stringify(terms), reason.trim(), principal.sub, now,
      ]);
      await appendToOutbox(manager, [{ type: paymentTermsVariedV1, subject: accountId, data: { accountId, version, kind: terms.kind, ...(account.caseId ? { caseId: account.caseId } : {}) } }], { correlationId, actor: principal.sub }, now);
      return { version, terms, reason: reason.trim(), changedBy: principal.sub, changedAt: now };
    });
  }

  /** Records a means assessment and the terms it makes affordable for the balance; the officer then varies the terms if they agree. */
  assess(accountId: string, means: MeansAssessment, frequency: Frequency | undefined, principal: Principal, now = new Date()): Promise<{ id: string; proposedTerms: PaymentTerms }> {
    return this.dataSource.transaction(async (manager) => {
      const account = await liveAccount(manager, accountId);
      const proposedTerms = proposeTerms(means, account.balancePence, londonLocalDate(now), frequency);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO means_assessments (id, account_id, weekly_income_pence, weekly_outgoings_pence, dependants, proposed_terms, assessed_by, assessed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, accountId, means.weeklyIncomePence, means.weeklyOutgoingsPence, means.dependants, JSON.stringify(proposedTerms), principal.sub, now],
      );
      return { id, proposedTerms };
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, queryOne, sql, type Queryable } from '@ccsc/platform';
import type { AccountStatus, PaymentAccount } from '../domain/payment-account';

interface AccountRow {
  id: string;
  account_number: string;
  organisation_id: string;
  name: string;
  status: AccountStatus;
  credit_limit_pence: string;
  proposed_credit_limit_pence: string | null;
  credit_limit_proposed_by: string | null;
}

@Injectable()
export class PaymentAccountRepository {
  async insert(manager: EntityManager, a: PaymentAccount, now: Date): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO payment_accounts (id, account_number, organisation_id, name, status, credit_limit_pence,
         proposed_credit_limit_pence, credit_limit_proposed_by, created_at)
       VALUES (${a.id}, ${a.accountNumber}, ${a.organisationId}, ${a.name}, ${a.status}, ${a.creditLimitPence},
         ${a.proposedCreditLimit?.pence ?? null}, ${a.proposedCreditLimit?.by ?? null}, ${now})`,
    );
  }

  async update(manager: EntityManager, a: PaymentAccount): Promise<void> {
    await execute(
      manager,
      sql`UPDATE payment_accounts SET status = ${a.status}, credit_limit_pence = ${a.creditLimitPence},
         proposed_credit_limit_pence = ${a.proposedCreditLimit?.pence ?? null},
         credit_limit_proposed_by = ${a.proposedCreditLimit?.by ?? null}
       WHERE id = ${a.id}`,
    );
  }

  /** The two people of a credit decision, kept: the account holds only the limit in force. */
  async recordCreditDecision(
    manager: EntityManager,
    decision: {
      accountId: string;
      limitPence: number;
      askedBy: string;
      decidedBy: string;
      approved: boolean;
      at: Date;
    },
  ): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO credit_limit_decisions (id, account_id, limit_pence, asked_by, decided_by, approved, decided_at)
       VALUES (${randomUUID()}, ${decision.accountId}, ${decision.limitPence}, ${decision.askedBy},
         ${decision.decidedBy}, ${decision.approved}, ${decision.at})`,
    );
  }

  async byNumber(manager: Queryable, accountNumber: string): Promise<PaymentAccount | undefined> {
    const row = await queryOne<AccountRow>(
      manager,
      sql`SELECT * FROM payment_accounts WHERE account_number = ${accountNumber}`,
    );
    return row && toAccount(row);
  }

  /** Debits of one account queue up behind this lock, so two payments cannot both pass the credit check. */
  async byNumberForUpdate(manager: EntityManager, accountNumber: string): Promise<PaymentAccount | undefined> {
    const row = await queryOne<AccountRow>(
      manager,
      sql`SELECT * FROM payment_accounts WHERE account_number = ${accountNumber} FOR UPDATE`,
    );
    return row && toAccount(row);
  }

  /** The accounts of a firm, or every firm's with none given. */
  async forOrganisation(manager: Queryable, organisationId: string | null): Promise<PaymentAccount[]> {
    const rows = await query<AccountRow>(
      manager,
      sql`SELECT * FROM payment_accounts
       WHERE (${organisationId}::varchar IS NULL OR organisation_id = ${organisationId}) ORDER BY account_number`,
    );
    return rows.map(toAccount);
  }
}

function toAccount(r: AccountRow): PaymentAccount {
  return {
    id: r.id,
    accountNumber: r.account_number,
    organisationId: r.organisation_id,
    name: r.name,
    status: r.status,
    creditLimitPence: Number(r.credit_limit_pence),
    // Both or neither (payment_accounts_proposal_whole).
    proposedCreditLimit:
      r.proposed_credit_limit_pence === null || r.credit_limit_proposed_by === null
        ? null
        : { pence: Number(r.proposed_credit_limit_pence), by: r.credit_limit_proposed_by },
  };
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PaymentMethod, PaymentStatus, ReversalReason } from '../domain/payment';
import type { AccountStatus, PaymentAccount } from '../domain/payment-account';

export interface Payment {
  id: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amountPence: number;
  caseId: string | null;
  fineAccountNumber: string | null;
  reference: string | null;
  accountId: string | null;
  organisationId: string | null;
  providerReference: string | null;
  nextUrl: string | null;
  payer: string;
  duplicateOf: string | null;
  receivedAt: Date | null;
  reversedAt: Date | null;
  reversalReason: ReversalReason | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, method, status, amount_pence::int AS "amountPence", case_id AS "caseId", fine_account_number AS "fineAccountNumber", reference,
  account_id AS "accountId", organisation_id AS "organisationId", provider_reference AS "providerReference", next_url AS "nextUrl", payer,
  duplicate_of AS "duplicateOf", received_at AS "receivedAt", reversed_at AS "reversedAt", reversal_reason AS "reversalReason",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

@Injectable()
export class PaymentRepository {
  async insert(manager: EntityManager, p: Payment): Promise<void> {
    await manager.query(
      `INSERT INTO payments (id, method, status, amount_pence, case_id, fine_account_number, reference, account_id, organisation_id, provider_reference,
         next_url, payer, duplicate_of, received_at, reversed_at, reversal_reason, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [p.id, p.method, p.status, p.amountPence, p.caseId, p.fineAccountNumber, p.reference, p.accountId, p.organisationId, p.providerReference,
        p.nextUrl, p.payer, p.duplicateOf, p.receivedAt, p.reversedAt, p.reversalReason, p.createdAt, p.updatedAt],
    );
  }

  async update(manager: EntityManager, p: Payment): Promise<void> {
    await manager.query(
      `UPDATE payments SET status = $2, provider_reference = $3, next_url = $4, received_at = $5, reversed_at = $6, reversal_reason = $7, updated_at = $8 WHERE id = $1`,
      [p.id, p.status, p.providerReference, p.nextUrl, p.receivedAt, p.reversedAt, p.reversalReason, p.updatedAt],
    );
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<Payment | undefined> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM payments WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id])) as Payment[];
    return row;
  }

  async byProviderReference(manager: EntityManager, reference: string): Promise<Payment | undefined> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM payments WHERE provider_reference = $1 FOR UPDATE`, [reference])) as Payment[];
    return row;
  }

  /** An earlier payment by the same payer, of the same amount, for the same case or fine account, within the window. */
  async likelyDuplicate(manager: EntityManager, p: Payment, windowMinutes: number): Promise<string | null> {
    if (windowMinutes === 0) return null;
    const [row] = (await manager.query(
      `SELECT id FROM payments WHERE payer = $1 AND amount_pence = $2 AND case_id IS NOT DISTINCT FROM $3 AND fine_account_number IS NOT DISTINCT FROM $4
         AND method = $5 AND status IN ('created', 'pending', 'success') AND created_at > $6::timestamptz - make_interval(mins => $7)
       ORDER BY created_at LIMIT 1`,
      [p.payer, p.amountPence, p.caseId, p.fineAccountNumber, p.method, p.createdAt, windowMinutes],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  async byIds(manager: EntityManager, ids: readonly string[]): Promise<Payment[]> {
    return (await manager.query(`SELECT ${COLUMNS} FROM payments WHERE id = ANY ($1::uuid[])`, [ids])) as Payment[];
  }

  /** Payments made for the cases, and payments an officer allocated to them (a cheque that came without a reference). */
  async forCases(manager: EntityManager, caseIds: readonly string[]): Promise<Payment[]> {
    return (await manager.query(
      `SELECT ${COLUMNS} FROM payments p WHERE p.case_id = ANY ($1::uuid[])
         OR EXISTS (SELECT 1 FROM allocations a WHERE a.payment_id = p.id AND a.case_id = ANY ($1::uuid[]) AND a.status IN ('awaiting-verification', 'verified'))
       ORDER BY created_at, id`,
      [caseIds],
    )) as Payment[];
  }

  /** A page of the payments matching a WHERE fragment, newest first, from a keyset position. */
  async page(manager: EntityManager, where: string, params: unknown[], limit: number, after?: { createdAt: Date; id: string }): Promise<Payment[]> {
    const position = after ? `AND (created_at, id) < ($${params.length + 1}, $${params.length + 2})` : '';
    const values = after ? [...params, after.createdAt, after.id] : params;
    return (await manager.query(`SELECT ${COLUMNS} FROM payments WHERE ${where} ${position} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`, values)) as Payment[];
  }
}

interface AccountRow {
  id: string;
  account_number: string;
  organisation_id: string;
  name: string;
  status: AccountStatus;
  credit_limit_pence: string;
}

@Injectable()
export class PaymentAccountRepository {
  async insert(manager: EntityManager, a: PaymentAccount, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO payment_accounts (id, account_number, organisation_id, name, status, credit_limit_pence, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [a.id, a.accountNumber, a.organisationId, a.name, a.status, a.creditLimitPence, now],
    );
  }

  async update(manager: EntityManager, a: PaymentAccount): Promise<void> {
    await manager.query(`UPDATE payment_accounts SET status = $2, credit_limit_pence = $3 WHERE id = $1`, [a.id, a.status, a.creditLimitPence]);
  }

  /** With `lock`, debits of one account queue up, so two payments cannot both pass the credit check. */
  async byNumber(manager: EntityManager, accountNumber: string, lock = false): Promise<PaymentAccount | undefined> {
    const [row] = (await manager.query(`SELECT * FROM payment_accounts WHERE account_number = $1 ${lock ? 'FOR UPDATE' : ''}`, [accountNumber])) as AccountRow[];
    return row && toAccount(row);
  }

  async forOrganisation(manager: EntityManager, organisationId: string | null): Promise<PaymentAccount[]> {
    const rows = (await manager.query(`SELECT * FROM payment_accounts WHERE ($1::varchar IS NULL OR organisation_id = $1) ORDER BY account_number`, [organisationId])) as AccountRow[];
    return rows.map(toAccount);
  }
}

function toAccount(r: AccountRow): PaymentAccount {
  return { id: r.id, accountNumber: r.account_number, organisationId: r.organisation_id, name: r.name, status: r.status, creditLimitPence: Number(r.credit_limit_pence) };
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AccessScope, ownerFilter } from '@ccsc/auth';
import { query, queryOne, rawSql, sql, type Queryable, type Sql } from '@ccsc/platform';
import type { Payment } from '../domain/payment';
import { present } from '../../ledger/domain/present';

/** A keyset position in a list ordered by creation. */
type Position = { createdAt: Date; id: string };

const COLUMNS = rawSql(`id, method, status, amount_pence::int AS "amountPence", case_id AS "caseId",
  fine_account_number AS "fineAccountNumber", reference, account_id AS "accountId", organisation_id AS "organisationId",
  provider_reference AS "providerReference", next_url AS "nextUrl", payer, duplicate_of AS "duplicateOf",
  received_at AS "receivedAt", reversed_at AS "reversedAt", reversal_reason AS "reversalReason",
  created_at AS "createdAt", updated_at AS "updatedAt"`);

/**
 * Which payments a caller sees (`paymentScope`), as a condition on the payments row `table` (its
 * name or alias): staff every one; a firm those paid for it; anyone else those they paid. The
 * payments list and payment search both read through it.
 */
export function paymentAccessFilter(scope: AccessScope, table = 'payments'): Sql {
  return ownerFilter(scope, { user: `${table}.payer`, organisation: `${table}.organisation_id` });
}

/**
 * What the allocations that still count hold of a payment: a pending transfer moves money already
 * counted in the allocation it replaces.
 */
const ALLOCATED = rawSql(`COALESCE((SELECT sum(a.amount_pence) FROM allocations a WHERE a.payment_id = p.id
  AND (a.status = 'verified' OR (a.status = 'awaiting-verification' AND a.replaces IS NULL))), 0)`);

@Injectable()
export class PaymentRepository {
  /** The row as stored (what `find` reads back), so a command can answer with it. */
  async insert(manager: EntityManager, p: Payment): Promise<Payment> {
    const row = await queryOne<Payment>(
      manager,
      sql`INSERT INTO payments (id, method, status, amount_pence, case_id, fine_account_number, reference, account_id,
         organisation_id, provider_reference, next_url, payer, duplicate_of, received_at, reversed_at, reversal_reason,
         created_at, updated_at)
       VALUES (${p.id}, ${p.method}, ${p.status}, ${p.amountPence}, ${p.caseId}, ${p.fineAccountNumber}, ${p.reference},
         ${p.accountId}, ${p.organisationId}, ${p.providerReference}, ${p.nextUrl}, ${p.payer}, ${p.duplicateOf},
         ${p.receivedAt}, ${p.reversedAt}, ${p.reversalReason}, ${p.createdAt}, ${p.updatedAt})
       RETURNING ${COLUMNS}`,
    );
    return present(row);
  }

  /** The row as stored after the change (what `find` reads back), so a command can answer with it. */
  async update(manager: EntityManager, p: Payment): Promise<Payment> {
    const row = await queryOne<Payment>(
      manager,
      sql`UPDATE payments
       SET status = ${p.status}, provider_reference = ${p.providerReference}, next_url = ${p.nextUrl},
         received_at = ${p.receivedAt}, reversed_at = ${p.reversedAt}, reversal_reason = ${p.reversalReason},
         updated_at = ${p.updatedAt}
       WHERE id = ${p.id}
       RETURNING ${COLUMNS}`,
    );
    return present(row);
  }

  async find(manager: Queryable, id: string): Promise<Payment | undefined> {
    return queryOne<Payment>(manager, sql`SELECT ${COLUMNS} FROM payments WHERE id = ${id}`);
  }

  /** The payment, locked until the caller's transaction ends: its allocations and reversal change one at a time. */
  async findForUpdate(manager: EntityManager, id: string): Promise<Payment | undefined> {
    return queryOne<Payment>(manager, sql`SELECT ${COLUMNS} FROM payments WHERE id = ${id} FOR UPDATE`);
  }

  async byProviderReferenceForUpdate(manager: EntityManager, reference: string): Promise<Payment | undefined> {
    return queryOne<Payment>(
      manager,
      sql`SELECT ${COLUMNS} FROM payments WHERE provider_reference = ${reference} FOR UPDATE`,
    );
  }

  /** An earlier payment by the same payer, of the same amount, for the same case or fine account, within the window. */
  async likelyDuplicate(manager: EntityManager, p: Payment, windowMinutes: number): Promise<string | null> {
    if (windowMinutes === 0) return null;
    const row = await queryOne<{ id: string }>(
      manager,
      sql`SELECT id FROM payments
       WHERE payer = ${p.payer} AND amount_pence = ${p.amountPence} AND method = ${p.method}
         AND case_id IS NOT DISTINCT FROM ${p.caseId}::uuid
         AND fine_account_number IS NOT DISTINCT FROM ${p.fineAccountNumber}::varchar
         AND status IN ('created', 'pending', 'success')
         AND created_at > ${p.createdAt}::timestamptz - make_interval(mins => ${windowMinutes})
       ORDER BY created_at LIMIT 1`,
    );
    return row?.id ?? null;
  }

  async byIds(manager: Queryable, ids: readonly string[]): Promise<Payment[]> {
    return query<Payment>(manager, sql`SELECT ${COLUMNS} FROM payments WHERE id = ANY (${ids}::uuid[])`);
  }

  /** Payments made for the cases, and those an officer allocated to them (a cheque that came without a reference). */
  async forCases(manager: Queryable, caseIds: readonly string[]): Promise<Payment[]> {
    return query<Payment>(
      manager,
      sql`SELECT ${COLUMNS} FROM payments p
       WHERE p.case_id = ANY (${caseIds}::uuid[])
         OR EXISTS (SELECT 1 FROM allocations a WHERE a.payment_id = p.id AND a.case_id = ANY (${caseIds}::uuid[])
           AND a.status IN ('awaiting-verification', 'verified'))
       ORDER BY created_at, id`,
    );
  }

  /** A page of the payments matching a filter (an access rule), newest first, from a keyset position. */
  async page(manager: Queryable, filter: Sql, limit: number, after?: Position): Promise<Payment[]> {
    const position = after ? sql`AND (created_at, id) < (${after.createdAt}, ${after.id})` : rawSql('');
    return query<Payment>(
      manager,
      sql`SELECT ${COLUMNS} FROM payments WHERE ${filter} ${position}
       ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
    );
  }

  /** Money received, not reversed and not (fully) allocated, oldest first: the officers' work queue. */
  async unallocatedPage(manager: Queryable, limit: number, after?: Position): Promise<Payment[]> {
    const position = after ? sql`AND (p.created_at, p.id) > (${after.createdAt}, ${after.id})` : rawSql('');
    const rows = await query<{ id: string }>(
      manager,
      sql`SELECT p.id FROM payments p
       WHERE p.status = 'success' AND p.reversed_at IS NULL AND p.amount_pence > ${ALLOCATED} ${position}
       ORDER BY p.created_at, p.id LIMIT ${limit + 1}`,
    );
    const payments = new Map(
      (
        await this.byIds(
          manager,
          rows.map((r) => r.id),
        )
      ).map((p) => [p.id, p]),
    );
    return rows.flatMap((r) => payments.get(r.id) ?? []);
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, queryOne, sql, type Queryable, type Sql } from '@ccsc/platform';
import type { PricedFee } from '../../fee/domain/fee';
import { ledgerAccount } from '../../ledger/domain/ledger';
import { present } from '../../ledger/domain/present';
import type { Remission, ServiceRequest, ServiceRequestFee } from '../domain/service-request';

type Settled = ServiceRequestFee['settled'];

interface RequestRow {
  id: string;
  case_id: string;
  disputed: boolean;
  created_at: Date;
}

/** A fee row as `json_agg` renders it: bigints as JSON numbers, the timestamp as text. */
interface FeeJson {
  id: string;
  code: string;
  version: number;
  amount_pence: number;
  pricing_basis: string;
  case_event: string | null;
  remitted_pence: number;
  settled: Settled;
  created_at: string;
}

interface LoadedRow extends RequestRow {
  paid: string;
  fees: FeeJson[];
}

/** Every service request's ledger account is this and its id (ledgerAccount.serviceRequest), built per row in SQL. */
const REQUEST_ACCOUNT_PREFIX = ledgerAccount.serviceRequest('');

@Injectable()
export class ServiceRequestRepository {
  /**
   * The case's service request, created on first need; locked until the caller's transaction ends, so
   * balances change one at a time. One statement when it exists (every payment, every fee after the first):
   * the insert, which is the rarer path, runs only when the lock found nothing.
   */
  async lockForCase(manager: EntityManager, caseId: string, now: Date): Promise<string> {
    const lockExisting = sql`SELECT id FROM service_requests WHERE case_id = ${caseId} FOR UPDATE`;
    const existing = await queryOne<{ id: string }>(manager, lockExisting);
    if (existing) return existing.id;
    // A row this transaction inserts is its own until it ends. When another transaction inserted it first,
    // the conflict waits for that one to end, and the select then locks the row it committed.
    const inserted = await queryOne<{ id: string }>(
      manager,
      sql`INSERT INTO service_requests (id, case_id, created_at) VALUES (${randomUUID()}, ${caseId}, ${now})
       ON CONFLICT (case_id) DO NOTHING RETURNING id`,
    );
    return inserted?.id ?? present(await queryOne<{ id: string }>(manager, lockExisting)).id;
  }

  /** The claim amount cases recorded for the request's case, which prices its ranged fees; undefined if none. */
  async claimAmountOf(manager: EntityManager, serviceRequestId: string): Promise<number | undefined> {
    const row = await queryOne<{ claim_amount_pence: number | null }>(
      manager,
      sql`SELECT claim_amount_pence FROM service_requests WHERE id = ${serviceRequestId}`,
    );
    return row?.claim_amount_pence ?? undefined;
  }

  async setClaimAmount(manager: EntityManager, serviceRequestId: string, claimAmountPence: number): Promise<void> {
    await execute(
      manager,
      sql`UPDATE service_requests SET claim_amount_pence = ${claimAmountPence} WHERE id = ${serviceRequestId}`,
    );
  }

  /**
   * The service requests of a move between cases, by id and by case (one not made yet is made when first
   * needed, and nobody else holds it), locked in id order: two transfers between the same cases in opposite
   * directions, or a transfer and a reversal of a payment allocated to both, wait for each other instead of
   * deadlocking.
   */
  async lockInIdOrder(
    manager: EntityManager,
    ids: readonly (string | null)[],
    caseIds: readonly (string | null | undefined)[] = [],
  ): Promise<void> {
    // An allocation to a fine account or to suspense has no service request, and a transfer there no case.
    const known = (values: readonly (string | null | undefined)[]) =>
      values.filter((value): value is string => value !== null && value !== undefined);
    await execute(
      manager,
      sql`SELECT 1 FROM service_requests WHERE id = ANY(${known(ids)}::uuid[]) OR case_id = ANY(${known(caseIds)}::uuid[])
          ORDER BY id FOR UPDATE`,
    );
  }

  /** Locks a known service request until the caller's transaction ends. */
  async lock(manager: EntityManager, id: string): Promise<void> {
    await execute(manager, sql`SELECT 1 FROM service_requests WHERE id = ${id} FOR UPDATE`);
  }

  async addFees(
    manager: EntityManager,
    serviceRequestId: string,
    fees: PricedFee[],
    caseEvent: string | null,
    now: Date,
  ): Promise<string[]> {
    const ids = fees.map(() => randomUUID());
    const codes = fees.map((f) => f.code);
    const versions = fees.map((f) => f.version);
    const amounts = fees.map((f) => f.amountPence);
    const bases = fees.map((f) => f.basis);
    // A millisecond apart (JavaScript dates keep no finer), so "oldest first" keeps the order the
    // fees were made due in.
    await execute(
      manager,
      sql`INSERT INTO service_request_fees (id, service_request_id, code, version, amount_pence, pricing_basis,
        case_event, created_at)
       SELECT id, ${serviceRequestId}, code, version, amount, basis, ${caseEvent},
         ${now}::timestamptz + (ord * interval '1 millisecond')
       FROM unnest(${ids}::uuid[], ${codes}::varchar[], ${versions}::int[], ${amounts}::bigint[], ${bases}::varchar[])
         WITH ORDINALITY AS f(id, code, version, amount, basis, ord)`,
    );
    return ids;
  }

  /** What has been remitted under a reference (a Help with Fees application, a waiver) so far. */
  async remittedUnder(manager: EntityManager, reference: string): Promise<number> {
    const row = await queryOne<{ pence: number }>(
      manager,
      sql`SELECT COALESCE(sum(amount_pence), 0)::int AS pence FROM remissions WHERE reference = ${reference}`,
    );
    return row?.pence ?? 0;
  }

  async addRemission(manager: EntityManager, r: Remission & { actor: string }, now: Date): Promise<void> {
    // One remission per source and reference (the unique key keeps an application from remitting twice);
    // an increase adds to it, and must find it.
    if (r.increase) {
      const increased = await execute(
        manager,
        sql`UPDATE remissions SET amount_pence = amount_pence + ${r.amountPence}
          WHERE source = ${r.source} AND reference = ${r.reference} AND fee_id = ${r.feeId}`,
      );
      if (increased !== 1) throw new Error(`No ${r.source} remission ${r.reference} to increase`);
    } else {
      await execute(
        manager,
        sql`INSERT INTO remissions (id, service_request_id, fee_id, amount_pence, source, reference,
          created_by, created_at)
         VALUES (${randomUUID()}, ${r.serviceRequestId}, ${r.feeId}, ${r.amountPence}, ${r.source}, ${r.reference},
           ${r.actor}, ${now})`,
      );
    }
    await execute(
      manager,
      sql`UPDATE service_request_fees SET remitted_pence = remitted_pence + ${r.amountPence} WHERE id = ${r.feeId}`,
    );
  }

  /** Records what cases has now been told of each fee. */
  async setSettled(manager: EntityManager, changes: { feeId: string; settled: Settled }[]): Promise<void> {
    if (changes.length === 0) return;
    const [ids, settled] = [changes.map((c) => c.feeId), changes.map((c) => c.settled)];
    await execute(
      manager,
      sql`UPDATE service_request_fees f SET settled = c.settled
       FROM unnest(${ids}::uuid[], ${settled}::varchar[]) AS c(id, settled) WHERE f.id = c.id`,
    );
  }

  async reprice(manager: EntityManager, feeId: string, priced: PricedFee): Promise<void> {
    await execute(
      manager,
      sql`UPDATE service_request_fees SET amount_pence = ${priced.amountPence}, pricing_basis = ${priced.basis}
        WHERE id = ${feeId}`,
    );
  }

  async setDisputed(manager: EntityManager, serviceRequestId: string, disputed: boolean): Promise<void> {
    await execute(manager, sql`UPDATE service_requests SET disputed = ${disputed} WHERE id = ${serviceRequestId}`);
  }

  async byId(manager: Queryable, id: string): Promise<ServiceRequest | undefined> {
    const [request] = await this.loaded(manager, sql`id = ${id}`);
    return request;
  }

  /** The service requests of many cases, with their fees and ledger totals, in three queries whatever their number. */
  async forCases(manager: Queryable, caseIds: readonly string[]): Promise<ServiceRequest[]> {
    if (caseIds.length === 0) return [];
    return this.loaded(manager, sql`case_id = ANY (${caseIds}::uuid[])`);
  }

  /**
   * The service requests a condition on `service_requests` picks, with their fees and what has been paid on
   * them: one statement (a payment reads its request twice, for the amount and to settle, and every round
   * trip costs more than these rows do).
   */
  private async loaded(manager: Queryable, which: Sql): Promise<ServiceRequest[]> {
    const rows = await query<LoadedRow>(
      manager,
      sql`SELECT sr.id, sr.case_id, sr.disputed, sr.created_at,
            COALESCE((SELECT -sum(le.amount_pence) FROM ledger_entries le
                      WHERE le.account = ${REQUEST_ACCOUNT_PREFIX} || sr.id::text
                        AND le.kind IN ('allocation', 'reversal', 'refund')), 0)::bigint AS paid,
            COALESCE((SELECT json_agg(f ORDER BY f.created_at, f.id) FROM service_request_fees f
                      WHERE f.service_request_id = sr.id), '[]') AS fees
          FROM service_requests sr WHERE ${which}`,
    );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      disputed: r.disputed,
      createdAt: r.created_at,
      paidPence: Number(r.paid),
      fees: r.fees.map((f) => ({
        id: f.id,
        code: f.code,
        version: f.version,
        amountPence: Number(f.amount_pence),
        remittedPence: Number(f.remitted_pence),
        pricingBasis: f.pricing_basis,
        caseEvent: f.case_event,
        settled: f.settled,
        // In JSON, as PostgreSQL renders a timestamptz.
        createdAt: new Date(f.created_at),
      })),
    }));
  }

  /**
   * Locks a known service request until the caller's transaction ends, and answers the jurisdiction of
   * its first fee: the business area money moved on it counts towards (one statement: every movement
   * of money on a request needs both).
   */
  async lockForMoney(manager: Queryable, serviceRequestId: string): Promise<{ businessArea: string }> {
    const row = await queryOne<{ jurisdiction: string | null }>(
      manager,
      sql`SELECT (SELECT fv.jurisdiction FROM service_request_fees f
                   JOIN fee_versions fv ON fv.code = f.code AND fv.version = f.version
                   WHERE f.service_request_id = sr.id ORDER BY f.created_at LIMIT 1) AS jurisdiction
          FROM service_requests sr WHERE sr.id = ${serviceRequestId} FOR UPDATE OF sr`,
    );
    return { businessArea: row?.jurisdiction ?? 'unassigned' };
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PricedFee } from '../../fee/domain/fee';
import { ledgerAccount } from '../../ledger/domain/ledger';
import type { DueFee } from '../domain/service-request';
import { present } from '../../present';

export interface ServiceRequestFee extends DueFee {
  version: number;
  pricingBasis: string;
  caseEvent: string | null;
  settled: 'paid' | 'remitted' | null;
}

export interface ServiceRequestRecord {
  id: string;
  caseId: string;
  disputed: boolean;
  createdAt: Date;
  fees: ServiceRequestFee[];
  /** Net of refunds and reversals, from the ledger. */
  paidPence: number;
}

interface FeeRow {
  id: string;
  service_request_id: string;
  code: string;
  version: number;
  amount_pence: string;
  pricing_basis: string;
  case_event: string | null;
  remitted_pence: string;
  settled: 'paid' | 'remitted' | null;
  created_at: Date;
}

@Injectable()
export class ServiceRequestRepository {
  /** The case's service request, created on first need; locked until the caller's transaction ends, so balances change one at a time. */
  async lockForCase(manager: EntityManager, caseId: string, now: Date): Promise<string> {
    await manager.query(`INSERT INTO service_requests (id, case_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (case_id) DO NOTHING`, [randomUUID(), caseId, now]);
    const [row] = (await manager.query(`SELECT id FROM service_requests WHERE case_id = $1 FOR UPDATE`, [caseId])) as { id: string }[];
    return present(row).id;
  }

  /** Locks a known service request until the caller's transaction ends. */
  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM service_requests WHERE id = $1 FOR UPDATE`, [id]);
  }

  async addFees(manager: EntityManager, serviceRequestId: string, fees: PricedFee[], caseEvent: string | null, now: Date): Promise<string[]> {
    const ids = fees.map(() => randomUUID());
    // A millisecond apart (JavaScript dates keep no finer), so "oldest first" keeps the order the fees were made due in.
    await manager.query(
      `INSERT INTO service_request_fees (id, service_request_id, code, version, amount_pence, pricing_basis, case_event, created_at)
       SELECT id, $2, code, version, amount, basis, $3, $4::timestamptz + (ord * interval '1 millisecond')
       FROM unnest($1::uuid[], $5::varchar[], $6::int[], $7::bigint[], $8::varchar[]) WITH ORDINALITY AS f(id, code, version, amount, basis, ord)`,
      [ids, serviceRequestId, caseEvent, now, fees.map((f) => f.code), fees.map((f) => f.version), fees.map((f) => f.amountPence), fees.map((f) => f.basis)],
    );
    return ids;
  }

  async addRemission(manager: EntityManager, r: { serviceRequestId: string; feeId: string; amountPence: number; source: 'help-with-fees' | 'fee-waiver'; reference: string; actor: string }, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO remissions (id, service_request_id, fee_id, amount_pence, source, reference, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [randomUUID(), r.serviceRequestId, r.feeId, r.amountPence, r.source, r.reference, r.actor, now],
    );
    await manager.query(`UPDATE service_request_fees SET remitted_pence = remitted_pence + $2 WHERE id = $1`, [r.feeId, r.amountPence]);
  }

  async setSettled(manager: EntityManager, changes: { feeId: string; settled: 'paid' | 'remitted' | null }[]): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `UPDATE service_request_fees f SET settled = c.settled FROM unnest($1::uuid[], $2::varchar[]) AS c(id, settled) WHERE f.id = c.id`,
      [changes.map((c) => c.feeId), changes.map((c) => c.settled)],
    );
  }

  async reprice(manager: EntityManager, feeId: string, priced: PricedFee): Promise<void> {
    await manager.query(`UPDATE service_request_fees SET amount_pence = $2, pricing_basis = $3 WHERE id = $1`, [feeId, priced.amountPence, priced.basis]);
  }

  async setDisputed(manager: EntityManager, serviceRequestId: string, disputed: boolean): Promise<void> {
    await manager.query(`UPDATE service_requests SET disputed = $2 WHERE id = $1`, [serviceRequestId, disputed]);
  }

  async byId(manager: EntityManager, id: string): Promise<ServiceRequestRecord | undefined> {
    const [row] = (await manager.query(`SELECT case_id FROM service_requests WHERE id = $1`, [id])) as { case_id: string }[];
    return row ? (await this.forCases(manager, [row.case_id]))[0] : undefined;
  }

  /** The service requests of many cases, with their fees and ledger totals, in three queries whatever the number of cases. */
  async forCases(manager: EntityManager, caseIds: readonly string[]): Promise<ServiceRequestRecord[]> {
    if (caseIds.length === 0) return [];
    const requests = (await manager.query(`SELECT id, case_id, disputed, created_at FROM service_requests WHERE case_id = ANY ($1::uuid[])`, [caseIds])) as {
      id: string; case_id: string; disputed: boolean; created_at: Date;
    }[];
    if (requests.length === 0) return [];
    const ids = requests.map((r) => r.id);
    const fees = (await manager.query(`SELECT * FROM service_request_fees WHERE service_request_id = ANY ($1::uuid[]) ORDER BY created_at, id`, [ids])) as FeeRow[];
    const paid = (await manager.query(
      `SELECT account, -sum(amount_pence)::bigint AS paid FROM ledger_entries
       WHERE account = ANY ($1::varchar[]) AND kind IN ('allocation', 'reversal', 'refund') GROUP BY account`,
      [ids.map(ledgerAccount.serviceRequest)],
    )) as { account: string; paid: string }[];
    const paidByAccount = new Map(paid.map((p) => [p.account, Number(p.paid)]));
    return requests.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      disputed: r.disputed,
      createdAt: r.created_at,
      paidPence: paidByAccount.get(ledgerAccount.serviceRequest(r.id)) ?? 0,
      fees: fees.filter((f) => f.service_request_id === r.id).map((f) => ({
        id: f.id, code: f.code, version: f.version, amountPence: Number(f.amount_pence), remittedPence: Number(f.remitted_pence),
        pricingBasis: f.pricing_basis, caseEvent: f.case_event, settled: f.settled, createdAt: f.created_at,
      })),
    }));
  }
}

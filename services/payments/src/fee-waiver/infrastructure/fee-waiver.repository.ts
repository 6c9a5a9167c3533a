import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, queryOne, sql, type Queryable } from '@ccsc/platform';
import { awaitingPage } from '../../help-with-fees/infrastructure/approval-queue';
import type { FeeWaiver } from '../domain/fee-waiver';

interface Row {
  id: string;
  complaint_id: string;
  remedy_id: string;
  case_id: string;
  service_request_id: string;
  fee_id: string;
  fee_code: string;
  amount_pence: string;
  status: FeeWaiver['status'];
  requested_by: string;
  decided_by: string | null;
  remitted_pence: string | null;
  created_at: Date;
}

@Injectable()
export class FeeWaiverRepository {
  /** A remedy's waiver is recorded once, however often its event is delivered. */
  async insert(manager: EntityManager, w: FeeWaiver): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO fee_waivers (id, complaint_id, remedy_id, case_id, service_request_id, fee_id,
        fee_code, amount_pence,
         status, requested_by, created_at)
       VALUES (${w.id}, ${w.complaintId}, ${w.remedyId}, ${w.caseId}, ${w.serviceRequestId}, ${w.feeId}, ${w.feeCode},
         ${w.amountPence}, ${w.status}, ${w.requestedBy}, ${w.createdAt})
       ON CONFLICT (remedy_id) DO NOTHING`,
    );
  }

  /** Whether the remedy's waiver is already recorded: a remedy is waived once. */
  async existsForRemedy(manager: Queryable, remedyId: string): Promise<boolean> {
    return (await queryOne(manager, sql`SELECT 1 FROM fee_waivers WHERE remedy_id = ${remedyId}`)) !== undefined;
  }

  async find(manager: Queryable, id: string): Promise<FeeWaiver | undefined> {
    const row = await queryOne<Row>(manager, sql`SELECT * FROM fee_waivers WHERE id = ${id}`);
    return row && toWaiver(row);
  }

  async findForUpdate(manager: EntityManager, id: string): Promise<FeeWaiver | undefined> {
    const row = await queryOne<Row>(manager, sql`SELECT * FROM fee_waivers WHERE id = ${id} FOR UPDATE`);
    return row && toWaiver(row);
  }

  async saveDecision(manager: EntityManager, w: FeeWaiver, now: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE fee_waivers SET status = ${w.status}, decided_by = ${w.decidedBy}, decided_at = ${now},
         remitted_pence = ${w.remittedPence}
       WHERE id = ${w.id}`,
    );
  }

  /** Waivers waiting for an approver, oldest first. */
  async awaitingApproval(
    manager: Queryable,
    limit: number,
    after?: { createdAt: Date; id: string },
  ): Promise<FeeWaiver[]> {
    return (await awaitingPage<Row>(manager, 'fee_waivers', ['awaiting-approval'], limit, after)).map(toWaiver);
  }
}

function toWaiver(r: Row): FeeWaiver {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    remedyId: r.remedy_id,
    caseId: r.case_id,
    serviceRequestId: r.service_request_id,
    feeId: r.fee_id,
    feeCode: r.fee_code,
    amountPence: Number(r.amount_pence),
    status: r.status,
    requestedBy: r.requested_by,
    decidedBy: r.decided_by,
    remittedPence: r.remitted_pence === null ? null : Number(r.remitted_pence),
    createdAt: r.created_at,
  };
}

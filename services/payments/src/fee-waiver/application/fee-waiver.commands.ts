import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import type { EventContext } from '@ccsc/messaging';
import { NotFoundError, Page } from '@ccsc/platform';
import { ServiceRequestLedger } from '../../service-request/application/service-request.ledger';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { decideFeeWaiver, FeeWaiver, waiverRemission } from '../domain/fee-waiver';
import { present } from '../../present';
import { awaitingPage } from '../../approval-queue';

interface Row {
  id: string; complaint_id: string; remedy_id: string; case_id: string; service_request_id: string; fee_id: string; fee_code: string; amount_pence: string;
  status: FeeWaiver['status']; requested_by: string; decided_by: string | null; remitted_pence: string | null; created_at: Date;
}

/** Fee waivers agreed as complaint remedies: proposed by the officer who agreed the remedy, remitted once a second person approves. */
@Injectable()
export class FeeWaiverCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: ServiceRequestRepository,
    private readonly ledger: ServiceRequestLedger,
  ) {}

  /**
   * Records the waiver for approval, in the consumer's transaction. A waiver for a fee not (or no
   * longer) owed on the case cannot be applied; it is thrown back to be dead-lettered for a person.
   */
  async raise(manager: EntityManager, remedy: { complaintId: string; remedyId: string; caseId: string; feeCode: string; amountPence: number; agreedBy: string }, now: Date): Promise<void> {
    const serviceRequestId = await this.requests.lockForCase(manager, remedy.caseId, now);
    const request = present(await this.requests.byId(manager, serviceRequestId));
    const fee = request.fees.find((f) => f.code === remedy.feeCode && f.remittedPence < f.amountPence);
    if (!fee) throw new Error(`Fee waiver ${remedy.remedyId}: no unremitted ${remedy.feeCode} on the case`);
    await manager.query(
      `INSERT INTO fee_waivers (id, complaint_id, remedy_id, case_id, service_request_id, fee_id, fee_code, amount_pence, status, requested_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'awaiting-approval', $9, $10) ON CONFLICT (remedy_id) DO NOTHING`,
      [randomUUID(), remedy.complaintId, remedy.remedyId, remedy.caseId, serviceRequestId, fee.id, fee.code, remedy.amountPence, remedy.agreedBy, now],
    );
  }

  async decide(id: string, approve: boolean, principal: Principal, correlationId?: string, now = new Date()): Promise<FeeWaiver> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.find(manager, id);
      if (!found) throw new NotFoundError('The fee waiver');
      // The service request first, then the waiver, in the order every remission takes its locks.
      await this.requests.lock(manager, found.serviceRequestId);
      const waiver = present(await this.find(manager, id, true));
      const status = decideFeeWaiver(waiver, approve, principal.sub);
      let remittedPence: number | null = null;
      if (status === 'approved') {
        const fee = present((await this.requests.byId(manager, waiver.serviceRequestId))?.fees.find((f) => f.id === waiver.feeId));
        remittedPence = waiverRemission(waiver, fee);
        const context: EventContext = { correlationId, actor: principal.sub };
        await this.ledger.remit(manager, { serviceRequestId: waiver.serviceRequestId, feeId: waiver.feeId, amountPence: remittedPence, source: 'fee-waiver', reference: waiver.remedyId }, context, now);
      }
      await manager.query(`UPDATE fee_waivers SET status = $2, decided_by = $3, decided_at = $4, remitted_pence = $5 WHERE id = $1`, [id, status, principal.sub, now, remittedPence]);
      return { ...waiver, status, decidedBy: principal.sub, remittedPence };
    });
  }

  /** Waivers waiting for an approver, oldest first. */
  async awaitingApproval(limit: number, after?: string): Promise<Page<FeeWaiver>> {
    return awaitingPage<Row, FeeWaiver>(this.dataSource, 'fee_waivers', ['awaiting-approval'], toWaiver, limit, after);
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<FeeWaiver | undefined> {
    const [row] = (await manager.query(`SELECT * FROM fee_waivers WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id])) as Row[];
    return row && toWaiver(row);
  }
}

function toWaiver(r: Row): FeeWaiver {
  return {
    id: r.id, complaintId: r.complaint_id, remedyId: r.remedy_id, caseId: r.case_id, serviceRequestId: r.service_request_id, feeId: r.fee_id, feeCode: r.fee_code,
    amountPence: Number(r.amount_pence), status: r.status, requestedBy: r.requested_by, decidedBy: r.decided_by,
    remittedPence: r.remitted_pence === null ? null : Number(r.remitted_pence), createdAt: r.created_at,
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { startAfter, Page, toPage } from '@ccsc/platform';
import type { Refund } from '../domain/refund';
import { RefundRepository } from '../infrastructure/refund.repository';

/** Reads of refunds, each recorded in the audit trail before it is answered: a refund is money going back to someone. */
@Injectable()
export class RefundQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refunds: RefundRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Refunds waiting for an approver, oldest first: the team leaders' queue. */
  async awaitingApproval(principal: Principal, limit: number, after?: string): Promise<Page<Refund>> {
    const position = startAfter(after, 'cursor');
    const page = toPage(await this.refunds.awaitingApproval(this.dataSource.manager, limit, position), limit);
    // One record for the whole page; a refund names no case party, so no party ids.
    await this.audit.read(principal, { recordType: 'refund', recordIds: page.items.map((r) => r.id) });
    return page;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { startAfter, Page, toPage } from '@ccsc/platform';
import { PaymentPosting } from '../../payment/application/payment.posting';
import type { Payment } from '../../payment/domain/payment';
import { AllocationRepository } from '../../payment/infrastructure/allocation.repository';
import { PaymentRepository } from '../../payment/infrastructure/payment.repository';
import type { StoredAllocation } from '../domain/allocation';

/**
 * The officers' two queues: money waiting to be allocated, and allocations waiting for a second officer.
 * Both show what was written on the slip or why nobody could tell whose the money is, so each read is
 * recorded in the audit trail as a read of the payments concerned, before it is answered.
 */
@Injectable()
export class AllocationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly allocations: AllocationRepository,
    private readonly posting: PaymentPosting,
    private readonly audit: AuditTrail,
  ) {}

  /** Money received that is not (fully) allocated, oldest first: the officers' work queue. */
  async unallocated(
    principal: Principal,
    limit: number,
    after?: string,
  ): Promise<Page<Payment & { unallocatedPence: number }>> {
    const manager = this.dataSource.manager;
    const payments = await this.payments.unallocatedPage(manager, limit, startAfter(after));
    const balances = await this.posting.unallocated(
      manager,
      payments.map((p) => p.id),
    );
    const page = toPage(
      payments.map((p) => ({ ...p, unallocatedPence: balances.get(p.id) ?? 0 })),
      limit,
    );
    await this.audit.read(principal, { recordType: 'payment', recordIds: page.items.map((p) => p.id) });
    return page;
  }

  async awaitingVerification(
    principal: Principal,
    limit: number,
    after?: string,
  ): Promise<Page<StoredAllocation & { createdAt: Date }>> {
    const position = startAfter(after);
    const rows = await this.allocations.awaitingVerification(this.dataSource.manager, limit, position);
    const page = toPage(
      rows.map((a) => ({ ...a, createdAt: a.allocatedAt })),
      limit,
    );
    // By the payments the allocations place, so the auditor finds them under the payment's id.
    await this.audit.read(principal, { recordType: 'payment', recordIds: page.items.map((a) => a.paymentId) });
    return page;
  }
}

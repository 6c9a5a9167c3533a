import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, Page, toPage } from '@ccsc/platform';
import { PaymentPosting } from '../../payment/application/payment.posting';
import type { Payment } from '../../payment/domain/payment';
import { AllocationRepository } from '../../payment/infrastructure/allocation.repository';
import { PaymentRepository } from '../../payment/infrastructure/payment.repository';
import type { StoredAllocation } from '../domain/allocation';

/** The officers' two queues: money waiting to be allocated, and allocations waiting for a second officer. */
@Injectable()
export class AllocationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly allocations: AllocationRepository,
    private readonly posting: PaymentPosting,
  ) {}

  /** Money received that is not (fully) allocated, oldest first: the officers' work queue. */
  async unallocated(limit: number, after?: string): Promise<Page<Payment & { unallocatedPence: number }>> {
    const manager = this.dataSource.manager;
    const payments = await this.payments.unallocatedPage(manager, limit, after ? decodeCursor(after) : undefined);
    const balances = await this.posting.unallocated(
      manager,
      payments.map((p) => p.id),
    );
    return toPage(
      payments.map((p) => ({ ...p, unallocatedPence: balances.get(p.id) ?? 0 })),
      limit,
    );
  }

  async awaitingVerification(limit: number, after?: string): Promise<Page<StoredAllocation & { createdAt: Date }>> {
    const position = after ? decodeCursor(after) : undefined;
    const rows = await this.allocations.awaitingVerification(this.dataSource.manager, limit, position);
    return toPage(
      rows.map((a) => ({ ...a, createdAt: a.allocatedAt })),
      limit,
    );
  }
}

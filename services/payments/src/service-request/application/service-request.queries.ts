import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { AllocationRepository, StoredAllocation } from '../../allocation/infrastructure/allocation.repository';
import { PaymentPosting } from '../../payment/application/payment.posting';
import { asSeenBy, maySeePayment } from '../../payment/domain/payment-visibility';
import { Payment, PaymentRepository } from '../../payment/infrastructure/payment.repository';
import { apportion, ServiceRequestBalance } from '../domain/service-request';
import { ServiceRequestRepository } from '../infrastructure/service-request.repository';
import { present } from '../../present';

export interface ServiceRequestView extends ServiceRequestBalance {
  id: string;
  caseId: string;
  createdAt: Date;
  fees: (ServiceRequestBalance['fees'][number] & { version: number; pricingBasis: string; caseEvent: string | null })[];
}

export interface PaymentView extends Payment {
  unallocatedPence: number;
  allocations: StoredAllocation[];
}

/** Reading service requests and payments, for whoever may see the case; batched, so a list of cases costs a fixed number of queries. */
@Injectable()
export class ServiceRequestQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: ServiceRequestRepository,
    private readonly payments: PaymentRepository,
    private readonly allocations: AllocationRepository,
    private readonly posting: PaymentPosting,
    private readonly caseAccess: CaseAccess,
  ) {}

  /**
   * Each case's service request, or null where there is none or the caller may not see it: fees and
   * remissions are staff's and the paying side's business, not the other side's (libs/case-access).
   */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<(ServiceRequestView | null)[]> {
    const manager = this.dataSource.manager;
    const visible = await this.caseAccess.feesVisible(principal, caseIds, manager);
    const records = await this.requests.forCases(manager, caseIds.filter((id) => visible.has(id)));
    const byCase = new Map(records.map((r) => {
      const balance = apportion(r.fees, r.paidPence, r.disputed);
      const fees = balance.fees.map((f) => {
        const stored = present(r.fees.find((s) => s.id === f.id));
        return { ...f, version: stored.version, pricingBasis: stored.pricingBasis, caseEvent: stored.caseEvent };
      });
      return [r.caseId, { ...balance, fees, id: r.id, caseId: r.caseId, createdAt: r.createdAt }];
    }));
    return caseIds.map((id) => byCase.get(id) ?? null);
  }

  /** Each case's payments, oldest first: those the caller may see (their own, or all for staff) of the cases they may see. */
  async paymentsForCases(caseIds: readonly string[], principal: Principal): Promise<PaymentView[][]> {
    const manager = this.dataSource.manager;
    const visible = await this.caseAccess.visible(principal, caseIds, manager);
    const payments = (await this.payments.forCases(manager, caseIds.filter((id) => visible.has(id)))).filter((p) => maySeePayment(principal, p));
    const views = await this.views(payments, principal);
    const live = ['awaiting-verification', 'verified'];
    return caseIds.map((id) => views.filter((p) => p.caseId === id || p.allocations.some((a) => a.caseId === id && live.includes(a.status))));
  }

  /** Payments the caller may see, as they see them (only the payer gets the provider's page). */
  async views(payments: Payment[], principal: Principal): Promise<PaymentView[]> {
    const manager = this.dataSource.manager;
    const ids = payments.map((p) => p.id);
    const [balances, allocations] = await Promise.all([this.posting.unallocated(manager, ids), this.allocations.forPayments(manager, ids)]);
    return payments.map((p) => ({ ...asSeenBy(principal, p), unallocatedPence: balances.get(p.id) ?? 0, allocations: allocations.filter((a) => a.paymentId === p.id) }));
  }
}

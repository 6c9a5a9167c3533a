import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { present } from '../../ledger/domain/present';
import { apportion, ServiceRequestBalance } from '../domain/service-request';
import { ServiceRequestRepository } from '../infrastructure/service-request.repository';

export interface ServiceRequestView extends ServiceRequestBalance {
  id: string;
  caseId: string;
  createdAt: Date;
  fees: (ServiceRequestBalance['fees'][number] & { version: number; pricingBasis: string; caseEvent: string | null })[];
}

/**
 * Reading service requests, for whoever may see the case's fees; batched, so a list of cases costs
 * a fixed number of queries. Not recorded in the audit trail: a service request is fees and sums,
 * naming nobody (who paid is the payments', recorded as they are read).
 */
@Injectable()
export class ServiceRequestQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: ServiceRequestRepository,
    private readonly caseAccess: CaseAccess,
  ) {}

  /**
   * Each case's service request, or null where there is none or the caller may not see it: fees and
   * remissions are staff's and the paying side's business, not the other side's (libs/case-access).
   */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<(ServiceRequestView | null)[]> {
    const manager = this.dataSource.manager;
    const visible = await this.caseAccess.feesVisible(principal, caseIds, manager);
    const records = await this.requests.forCases(
      manager,
      caseIds.filter((id) => visible.has(id)),
    );
    const byCase = new Map(
      records.map((r) => {
        const balance = apportion(r.fees, r.paidPence, r.disputed);
        const fees = balance.fees.map((f) => {
          const stored = present(r.fees.find((s) => s.id === f.id));
          return { ...f, version: stored.version, pricingBasis: stored.pricingBasis, caseEvent: stored.caseEvent };
        });
        return [r.caseId, { ...balance, fees, id: r.id, caseId: r.caseId, createdAt: r.createdAt }];
      }),
    );
    return caseIds.map((id) => byCase.get(id) ?? null);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, isStaff, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { decodeCursor, ForbiddenError, NotFoundError, Page, toPage } from '@ccsc/platform';
import { ledgerAccount } from '../../ledger/domain/ledger';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { PaymentView, ServiceRequestQueries } from '../../service-request/application/service-request.queries';
import type { PaymentAccount } from '../domain/payment-account';
import { firmMaySee } from '../domain/payment-visibility';
import { PaymentAccountRepository, PaymentRepository } from '../infrastructure/payment.repository';
import { present } from '../../present';

export interface AccountView extends PaymentAccount {
  usedPence: number;
  availablePence: number;
}

/** Payments and firm accounts as their owners see them: a firm sees its own and nothing else. */
@Injectable()
export class PaymentQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly accounts: PaymentAccountRepository,
    private readonly ledger: LedgerRepository,
    private readonly views: ServiceRequestQueries,
    private readonly caseAccess: CaseAccess,
  ) {}

  async get(id: string, principal: Principal): Promise<PaymentView> {
    const payment = await this.payments.find(this.dataSource.manager, id);
    if (!payment || !(await this.maySee(principal, payment))) throw new NotFoundError('The payment');
    return present((await this.views.views([payment]))[0]);
  }

  /** Staff see every payment; a firm its organisation's; a citizen the ones they made. */
  async list(principal: Principal, limit: number, after?: string): Promise<Page<PaymentView>> {
    const scope = isStaff(principal)
      ? { where: 'true', params: [] as unknown[] }
      : hasRole(principal, 'professional')
        ? { where: 'organisation_id = $1', params: [principal.organisationId] }
        : { where: 'payer = $1', params: [principal.sub] };
    const rows = await this.payments.page(this.dataSource.manager, scope.where, scope.params, limit, after ? decodeCursor(after, 'cursor') : undefined);
    const page = toPage(rows, limit);
    return { items: await this.views.views(page.items), nextCursor: page.nextCursor };
  }

  async accountsFor(principal: Principal): Promise<AccountView[]> {
    if (!isStaff(principal) && !principal.organisationId) throw new ForbiddenError('Only firms and staff have payment accounts');
    const accounts = await this.accounts.forOrganisation(this.dataSource.manager, isStaff(principal) ? null : present(principal.organisationId));
    const balances = await this.ledger.balances(this.dataSource.manager, accounts.map((a) => ledgerAccount.firmAccount(a.id)));
    return accounts.map((a) => {
      const usedPence = balances.get(ledgerAccount.firmAccount(a.id)) ?? 0;
      return { ...a, usedPence, availablePence: a.creditLimitPence - usedPence };
    });
  }

  private async maySee(principal: Principal, payment: { organisationId: string | null; payer: string; caseId: string | null }): Promise<boolean> {
    if (isStaff(principal)) return true;
    if (hasRole(principal, 'professional')) return firmMaySee(principal, payment);
    return payment.payer === principal.sub || (payment.caseId !== null && (await this.caseAccess.canSee(principal, payment.caseId)));
  }
}

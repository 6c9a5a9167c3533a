import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isStaff, type Principal } from '@ccsc/auth';
import { decodeCursor, ForbiddenError, NotFoundError, Page, toPage } from '@ccsc/platform';
import { ledgerAccount } from '../../ledger/domain/ledger';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { PaymentView, ServiceRequestQueries } from '../../service-request/application/service-request.queries';
import type { PaymentAccount } from '../domain/payment-account';
import { maySeePayment, paymentScope } from '../domain/payment-visibility';
import { PaymentAccountRepository, PaymentRepository } from '../infrastructure/payment.repository';
import { present } from '../../present';

export interface AccountView extends PaymentAccount {
  usedPence: number;
  availablePence: number;
}

/** Payments and firm accounts as their owners see them: a payer sees their own and nothing else. */
@Injectable()
export class PaymentQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly accounts: PaymentAccountRepository,
    private readonly ledger: LedgerRepository,
    private readonly views: ServiceRequestQueries,
  ) {}

  async get(id: string, principal: Principal): Promise<PaymentView> {
    const payment = await this.payments.find(this.dataSource.manager, id);
    if (!payment || !maySeePayment(principal, payment)) throw new NotFoundError('The payment');
    return present((await this.views.views([payment], principal))[0]);
  }

  /** The payments the caller may see (`paymentScope`), newest first. */
  async list(principal: Principal, limit: number, after?: string): Promise<Page<PaymentView>> {
    const scope = paymentScope(principal);
    const where = 'all' in scope
      ? { sql: 'true', params: [] as unknown[] }
      : 'organisationId' in scope
        ? { sql: 'organisation_id = $1', params: [scope.organisationId] }
        : { sql: 'payer = $1', params: [scope.payer] };
    const rows = await this.payments.page(this.dataSource.manager, where.sql, where.params, limit, after ? decodeCursor(after, 'cursor') : undefined);
    const page = toPage(rows, limit);
    return { items: await this.views.views(page.items, principal), nextCursor: page.nextCursor };
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

}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isStaff, ownerFilter, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { decodeCursor, ForbiddenError, NotFoundError, Page, toPage } from '@ccsc/platform';
import type { StoredAllocation } from '../../allocation/domain/allocation';
import { ledgerAccount } from '../../ledger/domain/ledger';
import { present } from '../../ledger/domain/present';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import type { Payment } from '../domain/payment';
import type { PaymentAccount } from '../domain/payment-account';
import { asSeenBy, maySeePayment, paymentScope } from '../domain/payment-visibility';
import { AllocationRepository } from '../infrastructure/allocation.repository';
import { PaymentAccountRepository } from '../infrastructure/payment-account.repository';
import { PaymentRepository } from '../infrastructure/payment.repository';
import { PaymentPosting } from './payment.posting';

export interface PaymentView extends Payment {
  unallocatedPence: number;
  allocations: StoredAllocation[];
}

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
    private readonly allocations: AllocationRepository,
    private readonly posting: PaymentPosting,
    private readonly ledger: LedgerRepository,
    private readonly caseAccess: CaseAccess,
  ) {}

  async get(id: string, principal: Principal): Promise<PaymentView> {
    const payment = await this.payments.find(this.dataSource.manager, id);
    if (!payment || !maySeePayment(principal, payment)) throw new NotFoundError('The payment');
    return present((await this.views([payment], principal))[0]);
  }

  /** The payments the caller may see (`paymentScope`), newest first. */
  async list(principal: Principal, limit: number, after?: string): Promise<Page<PaymentView>> {
    const mine = ownerFilter(paymentScope(principal), { user: 'payer', organisation: 'organisation_id' });
    const position = after ? decodeCursor(after, 'cursor') : undefined;
    const rows = await this.payments.page(this.dataSource.manager, mine, limit, position);
    const page = toPage(rows, limit);
    return { items: await this.views(page.items, principal), nextCursor: page.nextCursor };
  }

  /**
   * Each case's payments, oldest first: those the caller may see (their own, or all for staff) of
   * the cases they may see.
   */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<PaymentView[][]> {
    const manager = this.dataSource.manager;
    const visible = await this.caseAccess.visible(principal, caseIds, manager);
    const payments = await this.payments.forCases(
      manager,
      caseIds.filter((id) => visible.has(id)),
    );
    const views = await this.views(
      payments.filter((p) => maySeePayment(principal, p)),
      principal,
    );
    const live = ['awaiting-verification', 'verified'];
    const allocatedTo = (p: PaymentView, id: string) =>
      p.allocations.some((a) => a.caseId === id && live.includes(a.status));
    return caseIds.map((id) => views.filter((p) => p.caseId === id || allocatedTo(p, id)));
  }

  async accountsFor(principal: Principal): Promise<AccountView[]> {
    const staff = isStaff(principal);
    if (!staff && !principal.organisationId) throw new ForbiddenError('Only firms and staff have payment accounts');
    const manager = this.dataSource.manager;
    const accounts = await this.accounts.forOrganisation(manager, staff ? null : present(principal.organisationId));
    const balances = await this.ledger.balances(
      manager,
      accounts.map((a) => ledgerAccount.firmAccount(a.id)),
    );
    return accounts.map((a) => {
      const usedPence = balances.get(ledgerAccount.firmAccount(a.id)) ?? 0;
      return { ...a, usedPence, availablePence: a.creditLimitPence - usedPence };
    });
  }

  /** One of the accounts the caller sees, as `accountsFor` shows it. */
  async account(accountNumber: string, principal: Principal): Promise<AccountView> {
    return present((await this.accountsFor(principal)).find((a) => a.accountNumber === accountNumber));
  }

  /** Payments the caller may see, as they see them (only the payer gets the provider's page). */
  private async views(payments: Payment[], principal: Principal): Promise<PaymentView[]> {
    const manager = this.dataSource.manager;
    const ids = payments.map((p) => p.id);
    const [balances, allocations] = await Promise.all([
      this.posting.unallocated(manager, ids),
      this.allocations.forPayments(manager, ids),
    ]);
    return payments.map((p) => ({
      ...asSeenBy(principal, p),
      unallocatedPence: balances.get(p.id) ?? 0,
      allocations: allocations.filter((a) => a.paymentId === p.id),
    }));
  }
}

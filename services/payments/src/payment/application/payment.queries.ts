import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@ccsc/audit';
import { isStaff, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { startAfter, ForbiddenError, NotFoundError, Page, toPage } from '@ccsc/platform';
import type { StoredAllocation } from '../../allocation/domain/allocation';
import { ledgerAccount } from '../../ledger/domain/ledger';
import { present } from '../../ledger/domain/present';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import type { Payment } from '../domain/payment';
import type { PaymentAccount } from '../domain/payment-account';
import { asSeenBy, maySeePayment, paymentScope } from '../domain/payment-visibility';
import { AllocationRepository } from '../infrastructure/allocation.repository';
import { FineAccountNumbers, fineAccountNotIssued } from '../infrastructure/fine-account-numbers.repository';
import { PaymentAccountRepository } from '../infrastructure/payment-account.repository';
import { paymentAccessFilter, PaymentRepository } from '../infrastructure/payment.repository';
import { PaymentPosting } from './payment.posting';

export interface PaymentView extends Payment {
  unallocatedPence: number;
  allocations: StoredAllocation[];
}

export interface AccountView extends PaymentAccount {
  usedPence: number;
  availablePence: number;
}

/**
 * Payments and firm accounts as their owners see them: a payer sees their own and nothing else. Each
 * read of payments (who paid what) is recorded in the audit trail before it is answered; a payment
 * names its payer by account and firm, not by a case party, so the records carry no party ids. A
 * firm's accounts and their credit are the firm's, not a person's: not recorded.
 */
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
    private readonly fineAccountNumbers: FineAccountNumbers,
    private readonly audit: AuditTrail,
  ) {}

  async get(id: string, principal: Principal): Promise<PaymentView> {
    const payment = await this.payments.find(this.dataSource.manager, id);
    if (!payment) throw new NotFoundError('The payment');
    return this.made(payment, principal);
  }

  /**
   * A payment as the caller sees it, from the row a command has just written and returned (the repository's
   * `insert` and `update` return the stored row, as `find` reads it), so a write's answer costs no second read.
   */
  async made(payment: Payment, principal: Principal): Promise<PaymentView> {
    if (!maySeePayment(principal, payment)) throw new NotFoundError('The payment');
    const view = present((await this.views([payment], principal))[0]);
    await this.recordShown(principal, [view]);
    return view;
  }

  /** The payments the caller may see (`paymentScope`), newest first. */
  async list(principal: Principal, limit: number, after?: string): Promise<Page<PaymentView>> {
    const mine = paymentAccessFilter(paymentScope(principal));
    const position = startAfter(after, 'cursor');
    const rows = await this.payments.page(this.dataSource.manager, mine, limit, position);
    const page = toPage(rows, limit);
    // One record for the whole page (not the extra row that only tells there is a next page).
    return { items: await this.shown(principal, page.items), nextCursor: page.nextCursor };
  }

  /**
   * Payments a read found (a page of the list, or of payment search), as the caller sees them, and
   * recorded in the audit trail as shown to them: one record for them all.
   */
  async shown(principal: Principal, payments: Payment[]): Promise<PaymentView[]> {
    const items = await this.views(payments, principal);
    await this.recordShown(principal, items);
    return items;
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
    const byCase = caseIds.map((id) => views.filter((p) => p.caseId === id || allocatedTo(p, id)));
    // Federation's `Case.payments` of a request come here as one batch: one record for what they show.
    await this.recordShown(principal, byCase.flat());
    return byCase;
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

  /**
   * A fine account number a payer may pay to; NOT_FOUND unless enforcement issued it. Telling that
   * someone's fine account exists is a read of it: recorded by enforcement's id for the account, as
   * enforcement records its own reads (the defendant is enforcement's to know, not payments').
   */
  async payableFineAccount(
    accountNumber: string,
    principal: Principal,
  ): Promise<{ accountNumber: string; payable: boolean; consolidatedInto: string | null }> {
    const found = await this.fineAccountNumbers.find(accountNumber);
    if (!found) throw fineAccountNotIssued(accountNumber);
    await this.audit.read(principal, { recordType: 'fine-account', recordIds: [found.accountId] });
    return { accountNumber, payable: !found.payInstead, consolidatedInto: found.payInstead ?? null };
  }

  /** The audit trail's record that the caller was shown these payments: one record for them all. */
  private async recordShown(principal: Principal, payments: readonly Payment[]): Promise<void> {
    await this.audit.read(principal, { recordType: 'payment', recordIds: payments.map((p) => p.id) });
  }

  /**
   * Payments the caller may see, as they see them (only the payer gets the provider's page). Where their
   * money went names a case only where the caller may see that case: a firm's payment moved by staff to
   * another firm's case does not tell the firm that case's id.
   */
  private async views(payments: Payment[], principal: Principal): Promise<PaymentView[]> {
    const manager = this.dataSource.manager;
    const ids = payments.map((p) => p.id);
    const [balances, allocations] = await Promise.all([
      this.posting.unallocated(manager, ids),
      this.allocations.forPayments(manager, ids),
    ]);
    const caseIds = [...new Set(allocations.flatMap((a) => (a.caseId ? [a.caseId] : [])))];
    const seen = await this.caseAccess.visible(principal, caseIds, manager);
    return payments.map((p) => ({
      ...asSeenBy(principal, p),
      unallocatedPence: balances.get(p.id) ?? 0,
      allocations: allocations
        .filter((a) => a.paymentId === p.id)
        .map((a) => (a.caseId && !seen.has(a.caseId) ? { ...a, caseId: null } : a)),
    }));
  }
}

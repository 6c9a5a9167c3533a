import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, isStaff, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import type { EventContext } from '@ccsc/messaging';
import { AppError, BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '@ccsc/platform';
import { ledgerAccount } from '../../ledger/domain/ledger';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { AllocationRepository, StoredAllocation } from '../../allocation/infrastructure/allocation.repository';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { apportion } from '../../service-request/domain/service-request';
import { CardProvider, type StartedCardPayment } from '../domain/card-provider.port';
import { assertReversible, BulkScanMethod, nextStatus, PaymentMethod, ReversalReason } from '../domain/payment';
import { assertCanDebit, PaymentAccount } from '../domain/payment-account';
import { Payment, PaymentAccountRepository, PaymentRepository } from '../infrastructure/payment.repository';
import { PaymentPosting } from './payment.posting';
import { present } from '../../present';
import { assertActsForFeePayer } from '../../service-request/application/fee-payer';

export const PAYMENT_SETTINGS = Symbol('PAYMENT_SETTINGS');
export interface PaymentSettings {
  duplicateWindowMinutes: number;
}

export interface BulkScanCommand {
  method: BulkScanMethod;
  amountPence: number;
  /** The case reference written on the slip (16 digits), if any. */
  caseReference?: string;
  fineAccountNumber?: string;
  reference?: string;
  receivedAt?: Date;
}

/** Use cases that take money in or give it back; each one transaction with its ledger entries and events. */
@Injectable()
export class PaymentCommands {
  private readonly logger = new Logger('Payments');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
    private readonly payments: PaymentRepository,
    private readonly accounts: PaymentAccountRepository,
    private readonly allocations: AllocationRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly posting: PaymentPosting,
    private readonly ledger: LedgerRepository,
    private readonly caseAccess: CaseAccess,
    private readonly card: CardProvider,
  ) {}

  /** A firm pays a case's fees from its account: only its own account, only active, only within its credit limit. */
  async payByAccount(caseId: string, input: { accountNumber: string; amountPence?: number }, principal: Principal, correlationId?: string, now = new Date()): Promise<Payment> {
    await this.assertCanPayFor(caseId, principal);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.byNumber(manager, input.accountNumber, true);
      if (!account || !(await this.mayUseAccount(principal, account, caseId))) throw new NotFoundError(`Account ${input.accountNumber}`);
      const serviceRequestId = await this.requests.lockForCase(manager, caseId, now);
      const amountPence = await this.amountFor(manager, serviceRequestId, input.amountPence);
      assertCanDebit(account, await this.ledger.balance(manager, ledgerAccount.firmAccount(account.id)), amountPence);
      const payment = await this.newPayment(manager, { method: 'payment-by-account', amountPence, caseId, accountId: account.id, organisationId: account.organisationId, status: 'success', receivedAt: now }, principal, now);
      const context = { correlationId, actor: principal.sub };
      await this.posting.received(manager, payment, context, now);
      await this.allocateOnReceipt(manager, payment, serviceRequestId, context, now);
      return payment;
    });
  }

  /** Starts a card payment for a case: the payer is sent to the provider's page; the outcome comes by callback. */
  async startCard(caseId: string, input: { amountPence?: number; returnUrl: string }, principal: Principal, now = new Date()): Promise<Payment> {
    await this.assertCanPayFor(caseId, principal);
    const payment = await this.dataSource.transaction(async (manager) => {
      const serviceRequestId = await this.requests.lockForCase(manager, caseId, now);
      const amountPence = await this.amountFor(manager, serviceRequestId, input.amountPence);
      return this.newPayment(manager, { method: 'card', amountPence, caseId, status: 'created', organisationId: principal.organisationId ?? null }, principal, now);
    });
    return this.sendToProvider(payment, 'Court fee', input.returnUrl, now);
  }

  /**
   * Starts a card payment to a fine account, as a payer quoting the number on their notice. Nothing
   * is allocated until the provider reports success; then it goes to the account as a bulk-scanned
   * payment quoting the number does (enforcement puts it in suspense if the account cannot take it).
   */
  async startFineAccountCard(fineAccountNumber: string, input: { amountPence: number; returnUrl: string }, principal: Principal, now = new Date()): Promise<Payment> {
    const payment = await this.dataSource.transaction((manager) =>
      this.newPayment(manager, { method: 'card', amountPence: input.amountPence, fineAccountNumber, status: 'created', organisationId: principal.organisationId ?? null }, principal, now),
    );
    return this.sendToProvider(payment, 'Criminal fine', input.returnUrl, now);
  }

  /** Hands a created card payment to the provider, outside any transaction, and records where the payer goes. */
  private async sendToProvider(payment: Payment, description: string, returnUrl: string, now: Date): Promise<Payment> {
    let started: StartedCardPayment | undefined;
    try {
      started = await this.card.start({ paymentId: payment.id, amountPence: payment.amountPence, description, returnUrl });
    } catch (error) {
      this.logger.warn({ err: error, paymentId: payment.id }, 'the card provider did not start a payment');
    }
    const updated = await this.dataSource.transaction(async (manager) => {
      const locked = present(await this.payments.find(manager, payment.id, true));
      // Without the provider the payer has nowhere to go: the payment fails now rather than waiting forever.
      const next: Payment = started
        ? { ...locked, status: 'pending', providerReference: started.providerReference, nextUrl: started.nextUrl, updatedAt: now }
        : { ...locked, status: 'failed', updatedAt: now };
      await this.payments.update(manager, next);
      return next;
    });
    if (updated.status === 'failed') throw new AppError('BAD_GATEWAY', 'The card payment provider did not answer; nothing was taken, try again');
    return updated;
  }

  /**
   * The provider's asynchronous report. Its signature is checked before anything is read; a report
   * repeated by the provider (they retry) changes nothing the second time.
   */
  async cardCallback(body: unknown, signature: string | undefined, now = new Date()): Promise<Payment> {
    const report = this.card.verifyCallback(body, signature, now);
    if (!report) throw new UnauthenticatedError('The callback signature does not verify');
    return this.dataSource.transaction(async (manager) => {
      const payment = await this.payments.byProviderReference(manager, report.providerReference);
      if (!payment) throw new NotFoundError('The card payment');
      if (report.amountPence !== payment.amountPence) throw new ConflictError('The reported amount is not the amount of the payment');
      const context: EventContext = { actor: 'card-provider' };
      if (report.status === 'chargeback') {
        if (payment.reversedAt) return payment;
        return this.applyReversal(manager, payment, 'chargeback', context, now);
      }
      const to = nextStatus(payment.status, report.status);
      if (to === 'unchanged') return payment;
      const updated: Payment = { ...payment, status: to, receivedAt: to === 'success' ? now : null, updatedAt: now };
      await this.payments.update(manager, updated);
      if (to === 'success') {
        await this.posting.received(manager, updated, context, now);
        // For a case, to its service request; for a fine account, to that account (and enforcement is told).
        const serviceRequestId = updated.caseId ? await this.requests.lockForCase(manager, updated.caseId, now) : null;
        await this.allocateOnReceipt(manager, updated, serviceRequestId, context, now);
      }
      return updated;
    });
  }

  /**
   * A payment from bulk scanning, already banked. A case reference the platform knows, or a fine
   * account number, proposes where it goes: an allocation in the recorder's name that a second
   * officer must verify before the money moves. With neither it joins the unallocated queue.
   */
  async recordBulkScan(command: BulkScanCommand, principal: Principal, correlationId?: string, now = new Date()): Promise<Payment> {
    const caseId = command.caseReference ? await this.caseAccess.idOfReference(command.caseReference) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const payment = await this.newPayment(
        manager,
        {
          method: command.method, amountPence: command.amountPence, caseId: caseId ?? null, fineAccountNumber: command.fineAccountNumber ?? null,
          reference: command.reference ?? command.caseReference ?? null, status: 'success', receivedAt: command.receivedAt ?? now,
        },
        principal,
        now,
      );
      await this.posting.received(manager, payment, { correlationId, actor: principal.sub }, now);
      const serviceRequestId = caseId ? await this.requests.lockForCase(manager, caseId, now) : null;
      if (caseId || command.fineAccountNumber) {
        await this.allocations.insert(manager, {
          id: randomUUID(), paymentId: payment.id, target: serviceRequestId ? 'service-request' : 'fine-account', caseId: caseId ?? null, serviceRequestId,
          fineAccountNumber: serviceRequestId ? null : payment.fineAccountNumber, amountPence: payment.amountPence, reason: null, status: 'awaiting-verification',
          allocatedBy: principal.sub, allocatedAt: now, verifiedBy: null, verifiedAt: null, replaces: null,
        });
      }
      return payment;
    });
  }

  /** A cheque or transfer bounced, or (reported by staff) a card payment was charged back. */
  async reverse(paymentId: string, reason: ReversalReason, principal: Principal, correlationId?: string, now = new Date()): Promise<Payment> {
    return this.dataSource.transaction(async (manager) => {
      const payment = await this.payments.find(manager, paymentId, true);
      if (!payment) throw new NotFoundError('The payment');
      return this.applyReversal(manager, payment, reason, { correlationId, actor: principal.sub }, now);
    });
  }

  async openAccount(input: { accountNumber: string; organisationId: string; name: string; creditLimitPence: number }, now = new Date()): Promise<PaymentAccount> {
    const account: PaymentAccount = { id: randomUUID(), ...input, status: 'active' };
    await this.dataSource.transaction(async (manager) => {
      if (await this.accounts.byNumber(manager, input.accountNumber)) throw new ConflictError(`Account ${input.accountNumber} already exists`);
      await this.accounts.insert(manager, account, now);
    });
    return account;
  }

  async changeAccount(accountNumber: string, change: Partial<Pick<PaymentAccount, 'status' | 'creditLimitPence'>>): Promise<PaymentAccount> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.byNumber(manager, accountNumber, true);
      if (!account) throw new NotFoundError(`Account ${accountNumber}`);
      if (account.status === 'deleted') throw new ConflictError(`Account ${accountNumber} has been closed`);
      const changed = { ...account, status: change.status ?? account.status, creditLimitPence: change.creditLimitPence ?? account.creditLimitPence };
      await this.accounts.update(manager, changed);
      return changed;
    });
  }

  private async applyReversal(manager: EntityManager, payment: Payment, reason: ReversalReason, context: EventContext, now: Date): Promise<Payment> {
    assertReversible(payment, reason);
    const updated: Payment = { ...payment, reversedAt: now, reversalReason: reason, updatedAt: now };
    await this.payments.update(manager, updated);
    await this.posting.reverse(manager, updated, reason, context, now);
    return updated;
  }

  /**
   * A payment the payer made for a case or fine account (by card or from their account) goes where
   * they paid it at once, without an officer: to the case's service request, or to the fine account
   * (enforcement is told, and puts it in suspense if the account cannot take it). Money coming in
   * where its payer sent it needs no second person; bulk-scanned money does (`recordBulkScan`).
   */
  private async allocateOnReceipt(manager: EntityManager, payment: Payment, serviceRequestId: string | null, context: EventContext, now: Date): Promise<void> {
    const allocation: StoredAllocation = {
      id: randomUUID(), paymentId: payment.id, target: serviceRequestId ? 'service-request' : 'fine-account', caseId: payment.caseId, serviceRequestId,
      fineAccountNumber: serviceRequestId ? null : payment.fineAccountNumber, amountPence: payment.amountPence, reason: null, status: 'verified',
      allocatedBy: 'system', allocatedAt: now, verifiedBy: 'system', verifiedAt: now, replaces: null,
    };
    await this.allocations.insert(manager, allocation);
    await this.posting.allocate(manager, payment, allocation, context, now, serviceRequestId === null);
  }

  /** The amount asked for, or what is outstanding; paying more than is owed is allowed and recorded as overpayment. */
  private async amountFor(manager: EntityManager, serviceRequestId: string, asked: number | undefined): Promise<number> {
    if (asked !== undefined) return asked;
    const request = present((await this.requests.byId(manager, serviceRequestId)));
    const { outstandingPence } = apportion(request.fees, request.paidPence, request.disputed);
    if (outstandingPence === 0) throw new BadUserInputError('Nothing is outstanding on this case', [{ field: 'amountPence', message: 'is required when nothing is owed' }]);
    return outstandingPence;
  }

  private async newPayment(
    manager: EntityManager,
    fields: Partial<Payment> & { method: PaymentMethod; amountPence: number; status: Payment['status'] },
    principal: Principal,
    now: Date,
  ): Promise<Payment> {
    const payment: Payment = {
      id: randomUUID(), caseId: null, fineAccountNumber: null, reference: null, accountId: null, organisationId: null, providerReference: null, nextUrl: null,
      payer: principal.sub, duplicateOf: null, receivedAt: null, reversedAt: null, reversalReason: null, createdAt: now, updatedAt: now, ...fields,
    };
    // Bulk-scanned payments come in through one system account, so only direct payers are compared.
    const compare = payment.method === 'card' || payment.method === 'payment-by-account';
    const withFlag = compare ? { ...payment, duplicateOf: await this.payments.likelyDuplicate(manager, payment, this.settings.duplicateWindowMinutes) } : payment;
    await this.payments.insert(manager, withFlag);
    return withFlag;
  }

  /**
   * A firm's account is the firm's money: its own users spend it, and staff only when taking the firm's
   * payment on its behalf for a case where the firm acts for the side that pays the fees (never on a
   * case the firm has nothing to do with).
   */
  private async mayUseAccount(principal: Principal, account: PaymentAccount, caseId: string): Promise<boolean> {
    if (hasRole(principal, 'professional')) return principal.organisationId === account.organisationId;
    if (!isStaff(principal)) return false;
    const firm: Principal = { sub: `organisation:${account.organisationId}`, roles: ['professional'], organisationId: account.organisationId };
    return (await this.caseAccess.feesVisible(firm, [caseId])).has(caseId);
  }

  private async assertCanPayFor(caseId: string, principal: Principal): Promise<void> {
    await assertActsForFeePayer(this.caseAccess, principal, caseId);
  }
}

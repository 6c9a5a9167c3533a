import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, isStaff, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { isValidAccountNumber, normaliseAccountNumber } from '@ccsc/contracts';
import { type Transaction, UnitOfWork } from '@ccsc/messaging';
import { AppError, BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '@ccsc/platform';
import type { StoredAllocation } from '../../allocation/domain/allocation';
import { ledgerAccount } from '../../ledger/domain/ledger';
import { present } from '../../ledger/domain/present';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { assertActsForFeePayer } from '../../service-request/application/fee-payer';
import { apportion } from '../../service-request/domain/service-request';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { CardProvider, type StartedCardPayment } from '../domain/card-provider.port';
import { assertReversible, nextStatus } from '../domain/payment';
import type { BulkScanMethod, Payment, PaymentMethod, ReversalReason } from '../domain/payment';
import { askCreditLimit, assertCanDebit, decideCreditLimit, PaymentAccount } from '../domain/payment-account';
import { allowedReturnUrl } from '../domain/return-url';
import { AllocationRepository } from '../infrastructure/allocation.repository';
import { PaymentAccountRepository } from '../infrastructure/payment-account.repository';
import { PaymentRepository } from '../infrastructure/payment.repository';
import { FineAccountNumbers, fineAccountNotIssued } from '../infrastructure/fine-account-numbers.repository';
import { PaymentPosting } from './payment.posting';

export const PAYMENT_SETTINGS = Symbol('PAYMENT_SETTINGS');
export interface PaymentSettings {
  duplicateWindowMinutes: number;
  /** The origins of the service's own pages, the only places a card payment may send its payer back to. */
  cardReturnOrigins: readonly string[];
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

/** Use cases that take money in or give it back; each one unit of work with its ledger entries and events. */
@Injectable()
export class PaymentCommands {
  private readonly logger = new Logger('Payments');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
    private readonly payments: PaymentRepository,
    private readonly accounts: PaymentAccountRepository,
    private readonly allocations: AllocationRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly posting: PaymentPosting,
    private readonly ledger: LedgerRepository,
    private readonly caseAccess: CaseAccess,
    private readonly card: CardProvider,
    private readonly fineAccountNumbers: FineAccountNumbers,
  ) {}

  /** A firm pays a case's fees from its account: only its own account, only active, only within its credit limit. */
  async payByAccount(
    caseId: string,
    input: { accountNumber: string; amountPence?: number },
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Payment> {
    await assertActsForFeePayer(this.caseAccess, principal, caseId);
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const account = await this.accounts.byNumberForUpdate(tx.manager, input.accountNumber);
        if (!account || !(await this.mayUseAccount(tx.manager, principal, account, caseId))) {
          throw new NotFoundError(`Account ${input.accountNumber}`);
        }
        const serviceRequestId = await this.requests.lockForCase(tx.manager, caseId, now);
        const amountPence = await this.amountFor(tx.manager, serviceRequestId, input.amountPence);
        const usedPence = await this.ledger.balance(tx.manager, ledgerAccount.firmAccount(account.id));
        assertCanDebit(account, usedPence, amountPence);
        const fields = {
          method: 'payment-by-account',
          amountPence,
          caseId,
          accountId: account.id,
          organisationId: account.organisationId,
          status: 'success',
          receivedAt: now,
        } as const;
        const payment = await this.newPayment(tx.manager, fields, principal, now);
        await this.posting.received(tx, payment);
        await this.allocateOnReceipt(tx, payment, serviceRequestId);
        return payment;
      },
      now,
    );
  }

  /** Starts a card payment for a case: the payer is sent to the provider's page; the outcome comes by callback. */
  async startCard(
    caseId: string,
    input: { amountPence?: number; returnUrl: string },
    principal: Principal,
    now = new Date(),
  ): Promise<Payment> {
    const returnUrl = allowedReturnUrl(input.returnUrl, this.settings.cardReturnOrigins);
    await assertActsForFeePayer(this.caseAccess, principal, caseId);
    const payment = await this.unitOfWork.run(
      { actor: principal.sub },
      async ({ manager }) => {
        const serviceRequestId = await this.requests.lockForCase(manager, caseId, now);
        const amountPence = await this.amountFor(manager, serviceRequestId, input.amountPence);
        const organisationId = principal.organisationId ?? null;
        const fields = { method: 'card', amountPence, caseId, status: 'created', organisationId } as const;
        return this.newPayment(manager, fields, principal, now);
      },
      now,
    );
    return this.sendToProvider(payment, 'Court fee', returnUrl, now);
  }

  /**
   * Starts a card payment to a fine account, as a payer quoting the number on their notice. Nothing
   * is allocated until the provider reports success; then it goes to the account as a bulk-scanned
   * payment quoting the number does (enforcement puts it in suspense if the account cannot take it).
   */
  async startFineAccountCard(
    fineAccountNumber: string,
    input: { amountPence: number; returnUrl: string },
    principal: Principal,
    now = new Date(),
  ): Promise<Payment> {
    const returnUrl = allowedReturnUrl(input.returnUrl, this.settings.cardReturnOrigins);
    // Before anything is stored or the payer goes to the provider: a well-formed number that enforcement never
    // issued (a typo that still passes the check letter, a number made up) would only put the money in suspense.
    await this.assertFineAccountPayable(fineAccountNumber);
    const organisationId = principal.organisationId ?? null;
    const { amountPence } = input;
    const fields = { method: 'card', amountPence, fineAccountNumber, status: 'created', organisationId } as const;
    const create = ({ manager }: Transaction) => this.newPayment(manager, fields, principal, now);
    const payment = await this.unitOfWork.run({ actor: principal.sub }, create, now);
    return this.sendToProvider(payment, 'Criminal fine', returnUrl, now);
  }

  /**
   * Refuses a fine account number that enforcement never issued (payments' register of issued numbers), and
   * one whose account was consolidated into another, naming the number to pay instead: paid here, the money
   * would wait in suspense for an officer to move it.
   */
  async assertFineAccountPayable(fineAccountNumber: string): Promise<void> {
    const found = await this.fineAccountNumbers.find(fineAccountNumber);
    if (!found) throw fineAccountNotIssued(fineAccountNumber);
    if (found.payInstead)
      throw new ConflictError(
        `Fine account ${fineAccountNumber} was consolidated into ${found.payInstead}: pay that account instead`,
      );
  }

  /** Hands a created card payment to the provider, outside any transaction, and records where the payer goes. */
  private async sendToProvider(payment: Payment, description: string, returnUrl: string, now: Date): Promise<Payment> {
    let started: StartedCardPayment | undefined;
    try {
      const { id: paymentId, amountPence } = payment;
      started = await this.card.start({ paymentId, amountPence, description, returnUrl });
    } catch (error) {
      this.logger.warn({ err: error, paymentId: payment.id }, 'the card provider did not start a payment');
    }
    const updated = await this.unitOfWork.run(
      { actor: payment.payer },
      async ({ manager }) => {
        const locked = present(await this.payments.findForUpdate(manager, payment.id));
        // Without the provider the payer has nowhere to go: the payment fails now rather than waiting forever.
        const handedOver = started && { providerReference: started.providerReference, nextUrl: started.nextUrl };
        const next: Payment = handedOver
          ? { ...locked, status: 'pending', ...handedOver, updatedAt: now }
          : { ...locked, status: 'failed', updatedAt: now };
        return this.payments.update(manager, next);
      },
      now,
    );
    if (updated.status === 'failed') {
      throw new AppError('BAD_GATEWAY', 'The card payment provider did not answer; nothing was taken, try again');
    }
    return updated;
  }

  /**
   * The provider's asynchronous report. Its signature is checked before anything is read; a report
   * repeated by the provider (they retry) changes nothing the second time.
   */
  async cardCallback(body: unknown, signature: string | undefined, now = new Date()): Promise<Payment> {
    const report = this.card.verifyCallback(body, signature, now);
    if (!report) throw new UnauthenticatedError('The callback signature does not verify');
    return this.unitOfWork.run(
      { actor: 'card-provider' },
      async (tx) => {
        const payment = await this.payments.byProviderReferenceForUpdate(tx.manager, report.providerReference);
        if (!payment) throw new NotFoundError('The card payment');
        if (report.amountPence !== payment.amountPence) {
          throw new ConflictError('The reported amount is not the amount of the payment');
        }
        if (report.status === 'chargeback') {
          if (payment.reversedAt) return payment;
          return this.applyReversal(tx, payment, 'chargeback');
        }
        const to = nextStatus(payment.status, report.status);
        if (to === 'unchanged') return payment;
        const changed: Payment = { ...payment, status: to, receivedAt: to === 'success' ? now : null, updatedAt: now };
        const updated = await this.payments.update(tx.manager, changed);
        if (to === 'success') {
          await this.posting.received(tx, updated);
          // For a case, to its service request; for a fine account, to that account (and enforcement is told).
          const { caseId } = updated;
          const serviceRequestId = caseId ? await this.requests.lockForCase(tx.manager, caseId, now) : null;
          await this.allocateOnReceipt(tx, updated, serviceRequestId);
        }
        return updated;
      },
      now,
    );
  }

  /**
   * A payment from bulk scanning, already banked. A case reference the platform knows, or a fine
   * account number, proposes where it goes: an allocation in the recorder's name that a second
   * officer must verify before the money moves (announced, so the work queue has the task). With
   * neither it joins the unallocated queue.
   */
  async recordBulkScan(
    command: BulkScanCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Payment> {
    const caseId = command.caseReference ? await this.caseAccess.idOfReference(command.caseReference) : undefined;
    // A fine account number on the slip is one only if its check letter says so; stored as the number it is, so
    // the account's money is counted as one whatever the spelling. Any other writing joins the unallocated queue.
    const slipAccount =
      command.fineAccountNumber && isValidAccountNumber(command.fineAccountNumber)
        ? normaliseAccountNumber(command.fineAccountNumber)
        : undefined;
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const fields = {
          method: command.method,
          amountPence: command.amountPence,
          caseId: caseId ?? null,
          fineAccountNumber: slipAccount ?? command.fineAccountNumber ?? null,
          reference: command.reference ?? command.caseReference ?? null,
          status: 'success',
          receivedAt: command.receivedAt ?? now,
        } as const;
        const payment = await this.newPayment(tx.manager, fields, principal, now);
        await this.posting.received(tx, payment);
        const serviceRequestId = caseId ? await this.requests.lockForCase(tx.manager, caseId, now) : null;
        if (caseId || slipAccount) {
          const proposed: StoredAllocation = {
            ...whereItWent(payment, serviceRequestId),
            status: 'awaiting-verification',
            allocatedBy: principal.sub,
            allocatedAt: now,
            verifiedBy: null,
            verifiedAt: null,
          };
          await this.allocations.insert(tx.manager, proposed);
          this.posting.recorded(tx, payment, proposed);
        }
        return payment;
      },
      now,
    );
  }

  /** A cheque or transfer bounced, or (reported by staff) a card payment was charged back. */
  async reverse(
    paymentId: string,
    reason: ReversalReason,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Payment> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const payment = await this.payments.findForUpdate(tx.manager, paymentId);
        if (!payment) throw new NotFoundError('The payment');
        return this.applyReversal(tx, payment, reason);
      },
      now,
    );
  }

  /** Opens a firm's account with no credit in force: the credit asked for waits for a second person (askCreditLimit). */
  async openAccount(
    input: Pick<PaymentAccount, 'accountNumber' | 'organisationId' | 'name' | 'creditLimitPence'>,
    principal: Principal,
    now = new Date(),
  ): Promise<PaymentAccount> {
    const { creditLimitPence, ...details } = input;
    const opened: PaymentAccount = {
      id: randomUUID(),
      ...details,
      status: 'active',
      creditLimitPence: 0,
      proposedCreditLimit: null,
    };
    const account = askCreditLimit(opened, creditLimitPence, principal.sub);
    await this.unitOfWork.run(
      { actor: principal.sub },
      async ({ manager }) => {
        if (await this.accounts.byNumber(manager, input.accountNumber)) {
          throw new ConflictError(`Account ${input.accountNumber} already exists`);
        }
        await this.accounts.insert(manager, account, now);
      },
      now,
    );
    return account;
  }

  async changeAccount(
    accountNumber: string,
    // Null (as a REST body may say it) is "not given", as over GraphQL.
    change: { status?: PaymentAccount['status'] | null; creditLimitPence?: number | null },
    principal: Principal,
  ): Promise<PaymentAccount> {
    return this.unitOfWork.run({ actor: principal.sub }, async ({ manager }) => {
      const account = await this.openAccountForUpdate(manager, accountNumber);
      const limited =
        change.creditLimitPence === undefined || change.creditLimitPence === null
          ? account
          : askCreditLimit(account, change.creditLimitPence, principal.sub);
      const status = change.status ?? account.status;
      // A closed account takes no credit: nothing waits on it.
      const changed = { ...limited, status, ...(status === 'deleted' ? { proposedCreditLimit: null } : {}) };
      await this.accounts.update(manager, changed);
      return changed;
    });
  }

  /** A second person approves or rejects the higher credit limit waiting on the account. */
  async decideCreditLimit(
    accountNumber: string,
    decision: { approve: boolean; creditLimitPence: number },
    principal: Principal,
  ): Promise<PaymentAccount> {
    return this.unitOfWork.run({ actor: principal.sub }, async ({ manager, now }) => {
      const account = await this.openAccountForUpdate(manager, accountNumber);
      const decided = decideCreditLimit(account, decision.approve, decision.creditLimitPence, principal.sub);
      await this.accounts.update(manager, decided);
      await this.accounts.recordCreditDecision(manager, {
        accountId: account.id,
        limitPence: decision.creditLimitPence,
        askedBy: present(account.proposedCreditLimit).by,
        decidedBy: principal.sub,
        approved: decision.approve,
        at: now,
      });
      return decided;
    });
  }

  /** The account, locked for the change, while it is not closed. */
  private async openAccountForUpdate(manager: EntityManager, accountNumber: string): Promise<PaymentAccount> {
    const account = await this.accounts.byNumberForUpdate(manager, accountNumber);
    if (!account) throw new NotFoundError(`Account ${accountNumber}`);
    if (account.status === 'deleted') throw new ConflictError(`Account ${accountNumber} has been closed`);
    return account;
  }

  private async applyReversal(tx: Transaction, payment: Payment, reason: ReversalReason): Promise<Payment> {
    assertReversible(payment, reason);
    const changed: Payment = { ...payment, reversedAt: tx.now, reversalReason: reason, updatedAt: tx.now };
    const updated = await this.payments.update(tx.manager, changed);
    await this.posting.reverse(tx, updated, reason);
    return updated;
  }

  /**
   * A payment the payer made for a case or fine account (by card or from their account) goes where
   * they paid it at once, without an officer: to the case's service request, or to the fine account
   * (enforcement is told, and puts it in suspense if the account cannot take it). Money coming in
   * where its payer sent it needs no second person; bulk-scanned money does (`recordBulkScan`).
   */
  private async allocateOnReceipt(tx: Transaction, payment: Payment, serviceRequestId: string | null): Promise<void> {
    const allocation: StoredAllocation = {
      ...whereItWent(payment, serviceRequestId),
      status: 'verified',
      allocatedBy: 'system',
      allocatedAt: tx.now,
      verifiedBy: 'system',
      verifiedAt: tx.now,
    };
    await this.allocations.insert(tx.manager, allocation);
    await this.posting.allocate(tx, payment, allocation, serviceRequestId === null);
  }

  /** The amount asked for, or what is outstanding; paying more than is owed is allowed and recorded as overpayment. */
  private async amountFor(manager: EntityManager, serviceRequestId: string, asked: number | null | undefined) {
    // null is not asked either: GraphQL's way of leaving the amount out, and a JSON body may say it too.
    if (asked !== undefined && asked !== null) return asked;
    const request = present(await this.requests.byId(manager, serviceRequestId));
    const { outstandingPence } = apportion(request.fees, request.paidPence, request.disputed);
    if (outstandingPence === 0) {
      const problem = { field: 'amountPence', message: 'is required when nothing is owed' };
      throw new BadUserInputError('Nothing is outstanding on this case', [problem]);
    }
    return outstandingPence;
  }

  private async newPayment(
    manager: EntityManager,
    fields: Partial<Payment> & { method: PaymentMethod; amountPence: number; status: Payment['status'] },
    principal: Principal,
    now: Date,
  ): Promise<Payment> {
    const payment: Payment = {
      id: randomUUID(),
      caseId: null,
      fineAccountNumber: null,
      reference: null,
      accountId: null,
      organisationId: null,
      providerReference: null,
      nextUrl: null,
      payer: principal.sub,
      duplicateOf: null,
      receivedAt: null,
      reversedAt: null,
      reversalReason: null,
      createdAt: now,
      updatedAt: now,
      ...fields,
    };
    // Bulk-scanned payments come in through one system account, so only direct payers are compared.
    const compare = payment.method === 'card' || payment.method === 'payment-by-account';
    const window = this.settings.duplicateWindowMinutes;
    const duplicateOf = compare ? await this.payments.likelyDuplicate(manager, payment, window) : null;
    const withFlag = compare ? { ...payment, duplicateOf } : payment;
    return this.payments.insert(manager, withFlag);
  }

  /**
   * A firm's account is the firm's money: its own users spend it, and staff only when taking the firm's
   * payment on its behalf for a case where the firm acts for the side that pays the fees (never on a
   * case the firm has nothing to do with).
   */
  private async mayUseAccount(
    manager: EntityManager,
    principal: Principal,
    account: PaymentAccount,
    caseId: string,
  ): Promise<boolean> {
    if (hasRole(principal, 'professional')) return principal.organisationId === account.organisationId;
    if (!isStaff(principal)) return false;
    const { organisationId } = account;
    const firm: Principal = { sub: `organisation:${organisationId}`, roles: ['professional'], organisationId };
    return (await this.caseAccess.feesVisible(firm, [caseId], manager)).has(caseId);
  }
}

/**
 * Where a payment's money goes, proposed with it: its case's service request, else the fine account it
 * quoted; the whole payment, moving nothing yet (`PaymentPosting.allocate` does, once it is verified).
 */
function whereItWent(payment: Payment, serviceRequestId: string | null) {
  return {
    id: randomUUID(),
    paymentId: payment.id,
    target: serviceRequestId ? 'service-request' : 'fine-account',
    caseId: payment.caseId,
    serviceRequestId,
    fineAccountNumber: serviceRequestId ? null : payment.fineAccountNumber,
    amountPence: payment.amountPence,
    reason: null,
    replaces: null,
  } as const;
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import {
  EventEnvelope,
  isValidAccountNumber,
  normaliseAccountNumber,
  RefundStatusChangedV1,
  RefundStatusChangedV2,
  suspenseRefundRequestedV1,
} from '@ccsc/contracts';
import { Transaction, UnitOfWork, withinTransaction } from '@ccsc/messaging';
import { BadUserInputError, ConflictError, NotFoundError } from '@ccsc/platform';
import { suspenseReason } from '../../account/domain/fine-account';
import { PaymentApplication } from '../../account/application/payment-application';
import { AccountRepository } from '../../account/infrastructure/account.repository';
import { PartyIdentityRepository } from '../../account/infrastructure/party-identity.repository';
import { afterRefundStatus, checkAllocation, checkRefundRequest, SuspenseItem } from '../domain/suspense-item';
import { SuspenseRepository } from '../infrastructure/suspense.repository';

/** Why an account named by an officer cannot take money, in their words. */
const CANNOT_TAKE: Record<string, string> = {
  'zero-balance': 'owes nothing',
  'written-off': 'is written off',
  consolidated: 'is consolidated into another account',
  'transferred-out': 'is transferred out',
};

/**
 * Working suspense: an officer allocates held money to the account it was meant for, or asks for it to
 * go back to the payer (payments raises the refund and a second person approves it); payments' news
 * of that refund puts the money back in suspense or closes the item.
 */
@Injectable()
export class SuspenseCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly suspense: SuspenseRepository,
    private readonly accounts: AccountRepository,
    private readonly payments: PaymentApplication,
    private readonly identities: PartyIdentityRepository,
  ) {}

  private async held(tx: Transaction, id: string): Promise<SuspenseItem> {
    const item = await this.suspense.findForUpdate(tx.manager, id);
    if (!item) throw new NotFoundError('The suspense item');
    return item;
  }

  /**
   * Applies the held money to an account exactly as any payment is applied (by priority and date, what
   * the account cannot take back into suspense as an overpayment), under the item's own id: the item is
   * locked first, so of two officers allocating it at once the second finds it allocated.
   */
  allocate(
    id: string,
    typedAccountNumber: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<SuspenseItem> {
    if (!isValidAccountNumber(typedAccountNumber))
      throw new BadUserInputError('Not a fine account number', [
        { field: 'accountNumber', message: 'must be FA, eight digits and the check letter' },
      ]);
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const item = await this.held(tx, id);
        const account = await this.accounts.findByNumberForUpdate(
          tx.manager,
          normaliseAccountNumber(typedAccountNumber),
        );
        if (!account) throw new NotFoundError('The fine account');
        const quoted = isValidAccountNumber(item.accountNumber)
          ? await this.accounts.findByNumber(normaliseAccountNumber(item.accountNumber), tx.manager)
          : undefined;
        const defendants = [quoted?.defendantPartyId, account.defendantPartyId].filter((p): p is string => !!p);
        const identities = await this.identities.identitiesForShare(tx.manager, defendants);
        checkAllocation(item, principal.sub, quoted, account, identities);
        const cannot = suspenseReason(account);
        if (cannot) throw new ConflictError(`The account ${CANNOT_TAKE[cannot] ?? cannot}`);
        const outcome = await this.payments.apply(tx, {
          paymentId: item.paymentId,
          allocationId: item.id,
          accountNumber: account.accountNumber,
          amountPence: item.amountPence,
          source: item.source,
          ...(item.method ? { method: item.method } : {}),
          receivedAt: item.receivedAt,
        });
        // The item is locked and held, so its id has applied nothing yet; this guards the rule, not a race.
        if (outcome.outcome !== 'applied') throw new ConflictError('The suspense item is allocated already');
        await this.suspense.allocated(tx.manager, id, account.id, principal.sub, tx.now);
        return {
          ...item,
          state: 'allocated' as const,
          allocatedAccountId: account.id,
          allocatedBy: principal.sub,
          allocatedAt: tx.now,
        };
      },
      now,
    );
  }

  /** Marks the item refund-requested and asks payments to return it to the payer. */
  requestRefund(id: string, principal: Principal, correlationId?: string, now = new Date()): Promise<SuspenseItem> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const item = await this.held(tx, id);
        checkRefundRequest(item);
        await this.suspense.refundRequested(tx.manager, id, principal.sub, tx.now);
        tx.publish({
          type: suspenseRefundRequestedV1,
          subject: id,
          data: {
            suspenseId: id,
            paymentId: item.paymentId,
            accountNumber: item.accountNumber,
            amountPence: item.amountPence,
            requestedBy: principal.sub,
          },
        });
        return {
          ...item,
          state: 'refund-requested' as const,
          refundRequestedBy: principal.sub,
          refundRequestedAt: tx.now,
          refundId: null,
        };
      },
      now,
    );
  }

  /** Payments' news of a refund raised for a suspense item, inside the inbox transaction (v1 and v2 alike). */
  recordRefundStatus(
    manager: EntityManager,
    event: EventEnvelope<RefundStatusChangedV1 | RefundStatusChangedV2>,
  ): Promise<void> {
    const { suspenseId, refundId, status } = event.data;
    // Refunds raised for anything else (cases, complaint remedies) name no suspense item.
    if (!suspenseId) return Promise.resolve();
    const context = { correlationId: event.correlationid, causationId: event.id, actor: event.actor ?? 'system' };
    return withinTransaction(
      manager,
      context,
      async (tx) => {
        const item = await this.suspense.findForUpdate(tx.manager, suspenseId);
        if (!item) return;
        const outcome = afterRefundStatus(item, refundId, status);
        if (outcome?.state === 'held') await this.suspense.backToHeld(tx.manager, item.id);
        if (outcome?.state === 'refund-requested') await this.suspense.refundRaised(tx.manager, item.id, refundId);
        if (outcome?.state === 'refunded') await this.suspense.refunded(tx.manager, item.id, refundId, tx.now);
      },
      new Date(event.time),
    );
  }
}

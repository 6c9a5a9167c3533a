import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { warrantStatusChangedV1 } from '@ccsc/contracts';
import { type Transaction, UnitOfWork } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { checkWarrantChange, mayActOnWarrant, Warrant, WarrantChange, warrantRoleOf } from '../domain/warrant';
import { WarrantRepository } from '../infrastructure/warrant.repository';
import { PaymentApplication } from '../../account/application/payment-application';
import { suspenseReason } from '../../account/domain/fine-account';
import { AccountRepository } from '../../account/infrastructure/account.repository';
import { WARRANT_OFFICERS } from '../../roles';

/**
 * Warrant outcomes. Staff hand a warrant to an agency or withdraw it; the agency (an
 * `enforcement-agent` token whose `org` it is) reports on the warrants given to it. What an executed
 * warrant collects comes back as a payment to the account, by the same rules as any payment.
 */
@Injectable()
export class WarrantCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly warrants: WarrantRepository,
    private readonly payments: PaymentApplication,
    private readonly accounts: AccountRepository,
  ) {}

  /**
   * The warrants still in force on these accounts, where an account is no longer live, are withdrawn by the
   * system in the caller's unit of work (which holds the accounts' locks), each announced as any withdrawal is.
   */
  async withdrawOnClosed(tx: Transaction, accountIds: readonly string[]): Promise<void> {
    for (const { id, accountId } of await this.warrants.withdrawInForceOnClosed(tx.manager, accountIds, tx.now))
      tx.publish({
        type: warrantStatusChangedV1,
        subject: accountId,
        data: { accountId, warrantId: id, status: 'withdrawn' },
      });
  }

  change(
    warrantId: string,
    change: WarrantChange,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Warrant> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        // An agency sees only the warrants given to it; any other is "not found".
        const by = warrantRoleOf(principal, WARRANT_OFFICERS);
        const found = by ? await this.warrants.find(tx.manager, warrantId) : undefined;
        if (!by || !found || !mayActOnWarrant(by, principal, found)) throw new NotFoundError('The warrant');
        // The account before its warrant, as a payment that pays it off locks them (withdrawOnClosed): the other
        // order let an agency's report and the payment that closed the account deadlock.
        const account = await this.accounts.findByNumberForUpdate(tx.manager, found.accountNumber);
        const warrant = await this.warrants.findForUpdate(tx.manager, warrantId);
        if (!warrant || !mayActOnWarrant(by, principal, warrant)) throw new NotFoundError('The warrant');
        // What the account owes now, nothing if it takes no payment (paid, written off, consolidated): an agency
        // returns anything beyond it to the debtor itself; the court's books take no more than is owed.
        const owes = account && !suspenseReason(account) ? account.balancePence : 0;
        checkWarrantChange(warrant, change, by, owes);
        await this.warrants.change(tx.manager, warrantId, change, tx.now);
        tx.publish({
          type: warrantStatusChangedV1,
          subject: warrant.accountId,
          data: { accountId: warrant.accountId, warrantId, status: change.status },
        });
        if (change.status === 'executed' && change.collectedPence !== undefined) {
          await this.payments.apply(tx, {
            paymentId: warrantId,
            accountNumber: warrant.accountNumber,
            amountPence: change.collectedPence,
            source: 'warrant',
            method: 'enforcement-agent',
            receivedAt: tx.now,
          });
        }
        return {
          ...warrant,
          status: change.status,
          agent: change.agent ?? warrant.agent,
          collectedPence: change.collectedPence ?? null,
        };
      },
      now,
    );
  }
}

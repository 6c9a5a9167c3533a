import { Injectable, OnModuleInit } from '@nestjs/common';
import { fineAccountsConsolidatedV1, finePaymentAppliedV1, writeOffApprovedV1 } from '@ccsc/contracts';
import { EventHandlers, type Transaction, withinTransaction } from '@ccsc/messaging';
import { causedBy } from '../../account/consumers/account-events.consumer';
import { WriteOffCommands } from '../application/write-off.commands';

/**
 * Enforcement's own news of an account that may have stopped being live (paid in full, written off to
 * nothing, consolidated into another), applied in the transaction that publishes it: a write-off still
 * asked for there can no longer be approved, so it is rejected and its approval task closes.
 */
@Injectable()
export class ClosedAccountConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly writeOffs: WriteOffCommands,
  ) {}

  onModuleInit() {
    const rejectOn = (accountIds: string[]) => (tx: Transaction) => this.writeOffs.rejectOnClosed(tx, accountIds);
    this.handlers.on(finePaymentAppliedV1, async (event, manager) => {
      if (event.data.balancePence > 0) return;
      await withinTransaction(manager, causedBy(event), rejectOn([event.data.accountId]), new Date(event.time));
    });
    this.handlers.on(writeOffApprovedV1, async (event, manager) => {
      if (event.data.balancePence > 0) return;
      await withinTransaction(manager, causedBy(event), rejectOn([event.data.accountId]), new Date(event.time));
    });
    this.handlers.on(fineAccountsConsolidatedV1, async (event, manager) => {
      const closed = event.data.consolidatedAccountIds;
      await withinTransaction(manager, causedBy(event), rejectOn(closed), new Date(event.time));
    });
  }
}

import { fineAccountsConsolidatedV1, finePaymentAppliedV1, writeOffApprovedV1 } from '@ccsc/contracts';
import { EventHandlers, type Transaction, withinTransaction } from '@ccsc/messaging';
import { causedBy } from './account-events.consumer';

/**
 * Registers `react` for enforcement's own news of accounts that may have stopped owing: paid in full, written
 * off to nothing, consolidated into another. It runs in the transaction that publishes the news (a command's,
 * or the consumer's for events read back), given the accounts concerned; whether each is still live is for
 * `react` to read as it writes (a handler that failed at source runs again in the consumer, without the
 * publisher's account lock, so `react` must change only what is still to change).
 */
export function onAccountsClosed(
  handlers: EventHandlers,
  react: (tx: Transaction, accountIds: string[]) => Promise<void>,
): void {
  handlers.on(finePaymentAppliedV1, async (event, manager) => {
    if (event.data.balancePence > 0) return;
    await withinTransaction(manager, causedBy(event), (tx) => react(tx, [event.data.accountId]), new Date(event.time));
  });
  handlers.on(writeOffApprovedV1, async (event, manager) => {
    if (event.data.balancePence > 0) return;
    await withinTransaction(manager, causedBy(event), (tx) => react(tx, [event.data.accountId]), new Date(event.time));
  });
  handlers.on(fineAccountsConsolidatedV1, async (event, manager) => {
    const closed = event.data.consolidatedAccountIds;
    await withinTransaction(manager, causedBy(event), (tx) => react(tx, closed), new Date(event.time));
  });
}

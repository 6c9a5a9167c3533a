import { Injectable, OnModuleInit } from '@nestjs/common';
import { paymentReversedV1 } from '@ccsc/contracts';
import { EventHandlers, withinTransaction, type Transaction } from '@ccsc/messaging';
import { causedBy } from '../../service-request/consumers/case-fees.consumer';
import { RefundCommands } from '../application/refund.commands';

/**
 * Payments' own news of a bounce or chargeback (applied in the reversal's transaction, where it is
 * published, one event per allocation taken back): what was to be given back of that money and is not yet
 * paid out is withdrawn (`withdrawForReversedPayment`). A second event of the same reversal finds nothing
 * more to withdraw of what the first did.
 */
@Injectable()
export class ReversedPaymentConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly refunds: RefundCommands,
  ) {}

  onModuleInit() {
    this.handlers.on(paymentReversedV1, async (event, manager) => {
      const { paymentId, reason, caseId } = event.data;
      const reversed = { paymentId, reason, ...(caseId ? { caseId } : {}) };
      const reject = (tx: Transaction) => this.refunds.withdrawForReversedPayment(tx, reversed);
      await withinTransaction(manager, causedBy(event), reject, new Date(event.time));
    });
  }
}

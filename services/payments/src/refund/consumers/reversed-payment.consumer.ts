import { Injectable, OnModuleInit } from '@nestjs/common';
import { paymentReversedV1 } from '@ccsc/contracts';
import { EventHandlers, withinTransaction, type Transaction } from '@ccsc/messaging';
import { causedBy } from '../../service-request/consumers/case-fees.consumer';
import { RefundCommands } from '../application/refund.commands';

/**
 * Payments' own news of a bounce or chargeback (applied in the reversal's transaction, where it is
 * published): refunds of suspense from that payment still undecided are rejected. Once per payment in
 * effect, as a second event of the same reversal finds none undecided.
 */
@Injectable()
export class ReversedPaymentConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly refunds: RefundCommands,
  ) {}

  onModuleInit() {
    this.handlers.on(paymentReversedV1, async (event, manager) => {
      const { paymentId, reason } = event.data;
      const reject = (tx: Transaction) => this.refunds.rejectForReversedPayment(tx, paymentId, reason);
      await withinTransaction(manager, causedBy(event), reject, new Date(event.time));
    });
  }
}

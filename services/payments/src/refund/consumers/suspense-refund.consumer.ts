import { Injectable, OnModuleInit } from '@nestjs/common';
import { suspenseRefundRequestedV1 } from '@ccsc/contracts';
import { EventHandlers, withinTransaction, type Transaction } from '@ccsc/messaging';
import { causedBy } from '../../service-request/consumers/case-fees.consumer';
import { RefundCommands } from '../application/refund.commands';

/**
 * Enforcement asks for money it holds in suspense to go back to whoever paid it: a refund of the
 * payment is raised for approval, proposed by the officer who asked, so a second person must approve it.
 * The inbox applies each event once; a second request for the same suspense item raises nothing new.
 */
@Injectable()
export class SuspenseRefundConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly refunds: RefundCommands,
  ) {}

  onModuleInit() {
    this.handlers.on(suspenseRefundRequestedV1, async (event, manager) => {
      const raise = (tx: Transaction) => this.refunds.raiseForSuspense(tx, event.data);
      await withinTransaction(manager, causedBy(event), raise, new Date(event.time));
    });
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { refundStatusChangedV1, refundStatusChangedV2 } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { SuspenseCommands } from '../application/suspense.commands';

/**
 * Payments' news of the refunds raised for suspense items, inside the inbox transaction (so a
 * redelivered event changes nothing): a rejected refund puts the money back in suspense, a paid one
 * closes the item.
 */
@Injectable()
export class SuspenseEventsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly commands: SuspenseCommands,
  ) {}

  onModuleInit() {
    this.handlers.on(refundStatusChangedV2, (event, manager) => this.commands.recordRefundStatus(manager, event));
    // What payments published before it moved to v2, still on the topic while the two roll out: dropping one
    // would leave its suspense item waiting on a refund settled long ago.
    this.handlers.on(refundStatusChangedV1, (event, manager) => this.commands.recordRefundStatus(manager, event));
  }
}

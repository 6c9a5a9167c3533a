import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventHandlers } from '@ccsc/messaging';
import { onAccountsClosed } from '../../account/consumers/on-accounts-closed';
import { WriteOffCommands } from '../application/write-off.commands';

/**
 * A write-off still asked for on an account that stopped being live can no longer be approved: it is rejected
 * and its approval task closes, in the transaction that closed the account.
 */
@Injectable()
export class ClosedAccountWriteOffsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly writeOffs: WriteOffCommands,
  ) {}

  onModuleInit() {
    onAccountsClosed(this.handlers, (tx, accountIds) => this.writeOffs.rejectOnClosed(tx, accountIds));
  }
}

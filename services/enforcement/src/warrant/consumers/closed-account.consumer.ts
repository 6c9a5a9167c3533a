import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventHandlers } from '@ccsc/messaging';
import { onAccountsClosed } from '../../account/consumers/on-accounts-closed';
import { WarrantCommands } from '../application/warrant.commands';

/**
 * A warrant in force on an account that stopped being live enforces a debt no longer owed there (paid, written
 * off, or now owed on the account it was consolidated into): it is withdrawn in the transaction that closed the
 * account, so no agency is sent to a door that owes nothing.
 */
@Injectable()
export class ClosedAccountWarrantsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly warrants: WarrantCommands,
  ) {}

  onModuleInit() {
    onAccountsClosed(this.handlers, (tx, accountIds) => this.warrants.withdrawOnClosed(tx, accountIds));
  }
}

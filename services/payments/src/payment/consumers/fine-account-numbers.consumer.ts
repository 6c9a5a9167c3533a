import { Injectable, OnModuleInit } from '@nestjs/common';
import { fineAccountRegisteredV1, fineAccountsConsolidatedV1, normaliseAccountNumber } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { FineAccountNumbers } from '../infrastructure/fine-account-numbers.repository';

/**
 * Keeps the register of issued fine account numbers that card payments to a fine account are checked against,
 * and which of them enforcement consolidated into another account.
 */
@Injectable()
export class FineAccountNumbersConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly numbers: FineAccountNumbers,
  ) {}

  onModuleInit() {
    this.handlers.on(fineAccountRegisteredV1, async (event, manager) => {
      const { accountNumber, accountId } = event.data;
      await this.numbers.register(manager, normaliseAccountNumber(accountNumber), accountId, new Date(event.time));
    });
    this.handlers.on(fineAccountsConsolidatedV1, async (event, manager) => {
      await this.numbers.consolidated(manager, event.data.consolidatedAccountIds, event.data.accountId);
    });
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { fineAccountRegisteredV1, normaliseAccountNumber } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { FineAccountNumbers } from '../infrastructure/fine-account-numbers.repository';

/** Keeps the register of issued fine account numbers that card payments to a fine account are checked against. */
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
  }
}

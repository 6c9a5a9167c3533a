import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  allocationTransferredV1,
  caseResultedV1,
  caseResultedV2,
  type CaseResultedV2,
  EventEnvelope,
  paymentAllocatedV1,
  paymentReversedV1,
} from '@ccsc/contracts';
import { EventContext, EventHandlers, withinTransaction } from '@ccsc/messaging';
import { AccountCommands } from '../application/account.commands';
import { PaymentApplication } from '../application/payment-application';

/** Accounts assigned no business unit by the court result are administered nationally until transferred. */
export const NATIONAL_BUSINESS_UNIT = 'national';

/** What enforcement does in answer to an event is the system's doing, caused by that event. */
export const causedBy = (event: EventEnvelope): EventContext => ({
  correlationId: event.correlationid,
  causationId: event.id,
  actor: 'system',
});

/**
 * What other services tell enforcement: a court result with financial impositions opens a fine
 * account; payments allocated to a fine account are applied (or suspended); reversals undo them,
 * and so does a transfer of the allocation elsewhere (a later payment-allocated event for the new
 * allocation applies it where it went, to this or any other account).
 */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly accounts: AccountCommands,
    private readonly payments: PaymentApplication,
  ) {}

  onModuleInit() {
    // v1 is no longer published, but its events stored and in flight open accounts the same way.
    for (const type of [caseResultedV1, caseResultedV2])
      this.handlers.on(type, async (event, manager) => {
        const data: CaseResultedV2 = event.data;
        if (data.impositions.length === 0) return;
        // The account is opened as of the result, not of the event's delivery.
        await withinTransaction(
          manager,
          causedBy(event),
          (tx) =>
            this.accounts.open(tx, {
              accountType: 'fine',
              businessUnit: NATIONAL_BUSINESS_UNIT,
              caseId: data.caseId,
              resultId: data.resultId,
              defendantPartyId: data.defendantPartyId,
              ...(data.court ? { imposingCourt: data.court } : {}),
              impositions: data.impositions,
              openedBy: event.actor ?? 'system',
            }),
          new Date(data.resultedAt),
        );
      });

    this.handlers.on(paymentAllocatedV1, async (event, manager) => {
      const data = event.data;
      if (data.target !== 'fine-account') return;
      await withinTransaction(manager, causedBy(event), (tx) =>
        this.payments.apply(tx, {
          paymentId: data.paymentId,
          allocationId: data.allocationId,
          accountNumber: data.fineAccountNumber ?? 'none',
          amountPence: data.amountPence,
          source: 'payments',
          method: data.method,
          receivedAt: new Date(data.receivedAt),
        }),
      );
    });

    this.handlers.on(paymentReversedV1, async (event, manager) => {
      const data = event.data;
      if (data.target !== undefined && data.target !== 'fine-account') return;
      const payment = data.allocationId
        ? { paymentId: data.paymentId, allocationId: data.allocationId }
        : { paymentId: data.paymentId };
      await withinTransaction(manager, causedBy(event), (tx) => this.payments.reverse(tx, payment));
    });

    this.handlers.on(allocationTransferredV1, async (event, manager) => {
      const data = event.data;
      if (data.target !== 'fine-account') return;
      await withinTransaction(manager, causedBy(event), (tx) =>
        this.payments.reverse(tx, { paymentId: data.paymentId, allocationId: data.allocationId }),
      );
    });
  }
}

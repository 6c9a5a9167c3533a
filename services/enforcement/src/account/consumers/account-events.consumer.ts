import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  allocationTransferredV1, AllocationTransferredV1, caseResultedV1, CaseResultedV1, paymentAllocatedV1, PaymentAllocatedV1, paymentReversedV1, PaymentReversedV1,
} from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { openAccount } from '../application/open-account';
import { applyPayment, reversePayment } from '../application/payment-application';

/** Accounts assigned no business unit by the court result are administered nationally until transferred. */
export const NATIONAL_BUSINESS_UNIT = 'national';

/**
 * What other services tell enforcement: a court result with financial impositions opens a fine
 * account; payments allocated to a fine account are applied (or suspended); reversals undo them,
 * and so does a transfer of the allocation elsewhere (a later payment-allocated event for the new
 * allocation applies it where it went, to this or any other account).
 */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  constructor(private readonly handlers: EventHandlers) {}

  onModuleInit() {
    this.handlers.on(caseResultedV1, async (event, manager) => {
      const data = event.data as CaseResultedV1;
      if (data.impositions.length === 0) return;
      await openAccount(
        manager,
        {
          accountType: 'fine',
          businessUnit: NATIONAL_BUSINESS_UNIT,
          caseId: data.caseId,
          resultId: data.resultId,
          defendantPartyId: data.defendantPartyId,
          impositions: data.impositions,
          openedBy: event.actor ?? 'system',
        },
        { correlationId: event.correlationid, causationId: event.id, actor: 'system' },
        new Date(data.resultedAt),
      );
    });

    this.handlers.on(paymentAllocatedV1, async (event, manager) => {
      const data = event.data as PaymentAllocatedV1;
      if (data.target !== 'fine-account') return;
      await applyPayment(
        manager,
        { paymentId: data.paymentId, allocationId: data.allocationId, accountNumber: data.fineAccountNumber ?? 'none', amountPence: data.amountPence, source: 'payments', method: data.method, receivedAt: new Date(data.receivedAt) },
        { correlationId: event.correlationid, causationId: event.id, actor: 'system' },
        new Date(),
      );
    });

    this.handlers.on(paymentReversedV1, async (event, manager) => {
      const data = event.data as PaymentReversedV1;
      if (data.target !== undefined && data.target !== 'fine-account') return;
      const payment = data.allocationId ? { paymentId: data.paymentId, allocationId: data.allocationId } : data.paymentId;
      await reversePayment(manager, payment, { correlationId: event.correlationid, causationId: event.id, actor: 'system' }, new Date());
    });

    this.handlers.on(allocationTransferredV1, async (event, manager) => {
      const data = event.data as AllocationTransferredV1;
      if (data.target !== 'fine-account') return;
      await reversePayment(manager, { paymentId: data.paymentId, allocationId: data.allocationId }, { correlationId: event.correlationid, causationId: event.id, actor: 'system' }, new Date());
    });
  }
}

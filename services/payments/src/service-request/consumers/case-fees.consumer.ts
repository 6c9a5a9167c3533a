import { Injectable, OnModuleInit } from '@nestjs/common';
import { caseStateChangedV1, claimAmountRecordedV1, EventEnvelope } from '@ccsc/contracts';
import { EventHandlers, withinTransaction, type EventContext, type Transaction } from '@ccsc/messaging';
import { ServiceRequestCommands } from '../application/service-request.commands';

/** The context of what a consumer writes: caused by the event, on the same correlation, by the system. */
export function causedBy(event: EventEnvelope): EventContext {
  return { correlationId: event.correlationid, causationId: event.id, actor: 'system' };
}

/**
 * A case event that makes fees due (the issue fee on submission, say) charges them to the case's service
 * request; a claim amount recorded on the case prices its ranged fees.
 */
@Injectable()
export class CaseFeesConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly commands: ServiceRequestCommands,
  ) {}

  onModuleInit() {
    this.handlers.on(caseStateChangedV1, async (event, manager) => {
      const { caseId, feesDue, event: caseEvent } = event.data;
      if (!feesDue?.length) return;
      const charge = (tx: Transaction) => this.commands.chargeFees(tx, caseId, feesDue, caseEvent);
      await withinTransaction(manager, causedBy(event), charge, new Date(event.time));
    });
    this.handlers.on(claimAmountRecordedV1, async (event, manager) => {
      const { caseId, claimAmountPence } = event.data;
      const record = (tx: Transaction) => this.commands.recordClaimAmount(tx, caseId, claimAmountPence);
      await withinTransaction(manager, causedBy(event), record, new Date(event.time));
    });
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { caseStateChangedV1, CaseStateChangedV1, EventEnvelope } from '@ccsc/contracts';
import { EventHandlers, type EventContext } from '@ccsc/messaging';
import { ServiceRequestLedger } from '../application/service-request.ledger';

/** The context of what a consumer writes: caused by the event, on the same correlation, by the system. */
export function causedBy(event: EventEnvelope): EventContext {
  return { correlationId: event.correlationid, causationId: event.id, actor: 'system' };
}

/** A case event that makes fees due (the issue fee on submission, say) charges them to the case's service request. */
@Injectable()
export class CaseFeesConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly ledger: ServiceRequestLedger,
  ) {}

  onModuleInit() {
    this.handlers.on(caseStateChangedV1, async (event, manager) => {
      const data = event.data as CaseStateChangedV1;
      if (!data.feesDue?.length) return;
      await this.ledger.chargeFees(manager, data.caseId, data.feesDue, data.event, causedBy(event), new Date(event.time));
    });
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { feesReopenedV1, feesSettledV1 } from '@ccsc/contracts';
import { EventHandlers, withinTransaction } from '@ccsc/messaging';
import { changeCaseFees } from '../application/case.commands';
import { CaseRepository } from '../infrastructure/case.repository';

/**
 * "Fee paid or remitted" is a readiness criterion: payments tells cases when fees are settled, and
 * when they are owed again (a bounced payment, a repriced fee). Idempotent through the inbox.
 */
@Injectable()
export class FeesConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly cases: CaseRepository,
  ) {}

  onModuleInit() {
    this.handlers.on(feesSettledV1, (event, manager) => {
      const { caseId, feeCodes, settlement } = event.data;
      return withinTransaction(manager, { causationId: event.id, correlationId: event.correlationid }, (tx) =>
        changeCaseFees(tx.manager, this.cases, caseId, (aggregate) => aggregate.settleFees(feeCodes, settlement)),
      );
    });
    this.handlers.on(feesReopenedV1, (event, manager) => {
      const { caseId, feeCodes } = event.data;
      return withinTransaction(manager, { causationId: event.id, correlationId: event.correlationid }, (tx) =>
        changeCaseFees(tx.manager, this.cases, caseId, (aggregate) => aggregate.reopenFees(feeCodes)),
      );
    });
  }
}

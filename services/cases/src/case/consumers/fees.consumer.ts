import { Injectable, OnModuleInit } from '@nestjs/common';
import { feesReopenedV1, FeesReopenedV1, feesSettledV1, FeesSettledV1 } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
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
      const data = event.data as FeesSettledV1;
      return changeCaseFees(manager, this.cases, data.caseId, (aggregate) => aggregate.settleFees(data.feeCodes, data.settlement));
    });
    this.handlers.on(feesReopenedV1, (event, manager) => {
      const data = event.data as FeesReopenedV1;
      return changeCaseFees(manager, this.cases, data.caseId, (aggregate) => aggregate.reopenFees(data.feeCodes));
    });
  }
}

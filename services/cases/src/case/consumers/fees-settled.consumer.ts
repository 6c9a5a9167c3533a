import { Injectable, OnModuleInit } from '@nestjs/common';
import { feesSettledV1, FeesSettledV1 } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { settleCaseFees } from '../application/case.commands';
import { CaseRepository } from '../infrastructure/case.repository';

/** "Fee paid or remitted" is a readiness criterion: payments tells cases through this event. */
@Injectable()
export class FeesSettledConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly cases: CaseRepository,
  ) {}

  onModuleInit() {
    this.handlers.on(feesSettledV1, (event, manager) => {
      const data = event.data as FeesSettledV1;
      return settleCaseFees(manager, this.cases, data.caseId, data.feeCodes, data.settlement);
    });
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NO_PERSON } from '@ccsc/auth';
import {
  type EventEnvelope,
  financialRemedyAgreedV1,
  financialRemedyAgreedV2,
  type FinancialRemedyAgreedV2,
} from '@ccsc/contracts';
import { EventHandlers, withinTransaction } from '@ccsc/messaging';
import { FeeWaiverCommands } from '../../fee-waiver/application/fee-waiver.commands';
import { causedBy } from '../../service-request/consumers/case-fees.consumer';
import { RefundCommands } from '../application/refund.commands';

/**
 * A complaint's financial remedy: a refund, consolatory payment or fee waiver is raised for
 * approval, proposed by the officer who agreed the remedy, so a second person must approve it.
 */
@Injectable()
export class FinancialRemedyConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly refunds: RefundCommands,
    private readonly waivers: FeeWaiverCommands,
  ) {}

  onModuleInit() {
    // v1 (published before v2) names no complaint cases: its approvals count on its complaint and its case.
    this.handlers.on(financialRemedyAgreedV1, (event, manager) =>
      this.raise({ ...event, data: { ...event.data, complaintCaseIds: [] } }, manager),
    );
    this.handlers.on(financialRemedyAgreedV2, (event, manager) => this.raise(event, manager));
  }

  private async raise(event: EventEnvelope<FinancialRemedyAgreedV2>, manager: EntityManager): Promise<void> {
    const { kind, amountPence, caseId, feeCode, complaintId, remedyId, complaintCaseIds } = event.data;
    // Events from before `agreedBy` still name the officer as the envelope's actor; with neither,
    // the proposal names no person and cannot be approved as it is.
    const agreedBy = event.data.agreedBy ?? event.actor ?? NO_PERSON;
    await withinTransaction(
      manager,
      causedBy(event),
      async (tx) => {
        if (kind !== 'fee-waiver') {
          const remedy = { kind, amountPence, caseId, complaintId, remedyId, agreedBy, complaintCaseIds };
          await this.refunds.raiseForRemedy(tx, remedy);
          return;
        }
        // A waiver names its case and fee; without them it cannot be applied and is dead-lettered
        // for a person to look at.
        if (!caseId || !feeCode) throw new Error(`Fee waiver ${remedyId} names no case or fee`);
        await this.waivers.raise(tx, { complaintId, remedyId, caseId, feeCode, amountPence, agreedBy });
      },
      new Date(event.time),
    );
  }
}

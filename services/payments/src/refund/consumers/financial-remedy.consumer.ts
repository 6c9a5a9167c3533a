import { Injectable, OnModuleInit } from '@nestjs/common';
import { NO_PERSON } from '@ccsc/auth';
import { financialRemedyAgreedV1 } from '@ccsc/contracts';
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
    this.handlers.on(financialRemedyAgreedV1, async (event, manager) => {
      const { kind, amountPence, caseId, feeCode, complaintId, remedyId } = event.data;
      // Events from before `agreedBy` still name the officer as the envelope's actor; with neither,
      // the proposal names no person and cannot be approved as it is.
      const agreedBy = event.data.agreedBy ?? event.actor ?? NO_PERSON;
      await withinTransaction(
        manager,
        causedBy(event),
        async (tx) => {
          if (kind !== 'fee-waiver') {
            await this.refunds.raiseForRemedy(tx, { kind, amountPence, caseId, complaintId, remedyId, agreedBy });
            return;
          }
          // A waiver names its case and fee; without them it cannot be applied and is dead-lettered
          // for a person to look at.
          if (!caseId || !feeCode) throw new Error(`Fee waiver ${remedyId} names no case or fee`);
          await this.waivers.raise(tx, { complaintId, remedyId, caseId, feeCode, amountPence, agreedBy });
        },
        new Date(event.time),
      );
    });
  }
}

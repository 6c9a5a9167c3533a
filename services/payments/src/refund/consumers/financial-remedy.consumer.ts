import { Injectable, OnModuleInit } from '@nestjs/common';
import { NO_PERSON } from '@ccsc/auth';
import { financialRemedyAgreedV1, FinancialRemedyAgreedV1 } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { causedBy } from '../../service-request/consumers/case-fees.consumer';
import { FeeWaiverCommands } from '../../fee-waiver/application/fee-waiver.commands';
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
      const data = event.data as FinancialRemedyAgreedV1;
      const context = causedBy(event);
      const now = new Date(event.time);
      // Events from before `agreedBy` still name the officer as the envelope's actor; with neither, the proposal names no person and cannot be approved as it is.
      const agreedBy = data.agreedBy ?? event.actor ?? NO_PERSON;
      if (data.kind !== 'fee-waiver') {
        await this.refunds.raiseForRemedy(manager, { kind: data.kind, amountPence: data.amountPence, caseId: data.caseId, complaintId: data.complaintId, remedyId: data.remedyId, agreedBy }, context, now);
        return;
      }
      // A waiver names its case and fee; without them it cannot be applied and is dead-lettered for a person to look at.
      if (!data.caseId || !data.feeCode) throw new Error(`Fee waiver ${data.remedyId} names no case or fee`);
      await this.waivers.raise(manager, { complaintId: data.complaintId, remedyId: data.remedyId, caseId: data.caseId, feeCode: data.feeCode, amountPence: data.amountPence, agreedBy }, now);
    });
  }
}

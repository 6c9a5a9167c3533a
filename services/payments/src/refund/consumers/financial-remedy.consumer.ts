import { Injectable, OnModuleInit } from '@nestjs/common';
import { financialRemedyAgreedV1, FinancialRemedyAgreedV1 } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { causedBy } from '../../service-request/consumers/case-fees.consumer';
import { ServiceRequestLedger } from '../../service-request/application/service-request.ledger';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { RefundCommands } from '../application/refund.commands';
import { present } from '../../present';

/**
 * A complaint's financial remedy: a refund or consolatory payment is raised for approval; a fee
 * waiver is a remission of that fee on the case's service request, up to what is left of it.
 */
@Injectable()
export class FinancialRemedyConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly refunds: RefundCommands,
    private readonly requests: ServiceRequestRepository,
    private readonly ledger: ServiceRequestLedger,
  ) {}

  onModuleInit() {
    this.handlers.on(financialRemedyAgreedV1, async (event, manager) => {
      const data = event.data as FinancialRemedyAgreedV1;
      const context = causedBy(event);
      const now = new Date(event.time);
      if (data.kind !== 'fee-waiver') {
        await this.refunds.raiseForRemedy(manager, { kind: data.kind, amountPence: data.amountPence, caseId: data.caseId, complaintId: data.complaintId, remedyId: data.remedyId }, context, now);
        return;
      }
      // A waiver names its case and fee; without them, or for a fee not on the case, it cannot be applied and is dead-lettered for a person to look at.
      if (!data.caseId || !data.feeCode) throw new Error(`Fee waiver ${data.remedyId} names no case or fee`);
      const serviceRequestId = await this.requests.lockForCase(manager, data.caseId, now);
      const request = present((await this.requests.byId(manager, serviceRequestId)));
      const fee = request.fees.find((f) => f.code === data.feeCode && f.remittedPence < f.amountPence);
      if (!fee) throw new Error(`Fee waiver ${data.remedyId}: no unremitted ${data.feeCode} on the case`);
      const amountPence = Math.min(data.amountPence, fee.amountPence - fee.remittedPence);
      await this.ledger.remit(manager, { serviceRequestId, feeId: fee.id, amountPence, source: 'fee-waiver', reference: data.remedyId }, context, now);
    });
  }
}

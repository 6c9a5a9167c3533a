import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  enquiryConvertedToComplaintV1, refundStatusChangedV1, type EnquiryConvertedToComplaintV1, type EventEnvelope, type RefundStatusChangedV1,
} from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { ComplaintCommands } from '../application/complaint.commands';
import { ComplaintRepository } from '../infrastructure/complaint.repository';
import { label, pounds } from '../domain/complaint';

/**
 * Other services' events that complaints acts on, each inside the inbox transaction (so a
 * redelivered event changes nothing): queries turning an enquiry into a complaint, and payments
 * reporting on the refund or payment it raised for a financial remedy.
 */
@Injectable()
export class ComplaintEventsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly commands: ComplaintCommands,
    private readonly complaints: ComplaintRepository,
  ) {}

  onModuleInit() {
    this.handlers.on(enquiryConvertedToComplaintV1, (event, manager) => this.commands.openFromEnquiry(manager, event as EventEnvelope<EnquiryConvertedToComplaintV1>));
    this.handlers.on(refundStatusChangedV1, async (event, manager) => {
      const data = event.data as RefundStatusChangedV1;
      // Refunds payments raised for its own reasons (overpayments, help with fees) name no remedy.
      if (!data.remedyId) return;
      const at = new Date(event.time);
      const remedy = await this.complaints.recordPaymentStatus(manager, data.remedyId, data.refundId, data.status, at);
      if (!remedy) return;
      await this.complaints.appendTimeline(manager, remedy.complaintId, [{ kind: 'remedy-payment', summary: `Payments: ${label(data.kind)} of ${pounds(data.amountPence)} ${label(data.status)}` }], event.actor ?? 'payments', at);
    });
  }
}

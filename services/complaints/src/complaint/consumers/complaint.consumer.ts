import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  enquiryConvertedToComplaintV1,
  enquiryConvertedToComplaintV2,
  feeWaiverDecidedV1,
  feeWaiverRequestedV1,
  refundStatusChangedV1,
  refundStatusChangedV2,
} from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { ComplaintCommands } from '../application/complaint.commands';

/**
 * Other services' events that complaints acts on, each inside the inbox transaction (so a
 * redelivered event changes nothing): queries turning an enquiry into a complaint, and payments
 * reporting on the refund, payment or fee waiver it raised for a financial remedy.
 */
@Injectable()
export class ComplaintEventsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly commands: ComplaintCommands,
  ) {}

  onModuleInit() {
    this.handlers.on(enquiryConvertedToComplaintV2, (event, manager) => this.commands.openFromEnquiry(manager, event));
    // What queries published before v2 (no complainant's account or firm), still read.
    this.handlers.on(enquiryConvertedToComplaintV1, (event, manager) => this.commands.openFromEnquiry(manager, event));
    this.handlers.on(refundStatusChangedV2, (event, manager) => this.commands.recordRemedyPayment(manager, event));
    // What payments published before it moved to v2, still on the topic while the two roll out.
    this.handlers.on(refundStatusChangedV1, (event, manager) => this.commands.recordRemedyPayment(manager, event));
    this.handlers.on(feeWaiverRequestedV1, (event, manager) => this.commands.recordFeeWaiver(manager, event));
    this.handlers.on(feeWaiverDecidedV1, (event, manager) => this.commands.recordFeeWaiver(manager, event));
  }
}

import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { enquiryRaisedV1, queriesCorrespondenceRecordedV1 } from '@ccsc/contracts';
import { correspondenceRequestId } from '@ccsc/correspondence';
import { announceRecorded, CorrespondenceRecorder } from '@ccsc/correspondence/outbox';
import { EventHandlers } from '@ccsc/messaging';
import {
  ACKNOWLEDGEMENT_RECIPIENT_PLACEHOLDER,
  acknowledgementValues,
  ENQUIRY_ACKNOWLEDGED,
  targetDay,
} from '../domain/enquiry-acknowledgement';
import { EnquiryContactsRepository } from '../infrastructure/enquiry-contacts.repository';

/**
 * Acknowledges every enquiry to its contact, on queries' own `enquiry-raised` event, in its inbox
 * transaction: the item (its reference and the day we aim to answer by, in the enquiry's language) and the
 * inbox row commit together, so an event delivered twice is one item, and the dispatcher sends it once.
 * By email, else by text, else recorded `undeliverable` for an officer to see (a contact has no postal
 * address here). An enquiry about a case puts the acknowledgement on the case's timeline for staff.
 */
@Injectable()
export class EnquiryAcknowledgementConsumer implements OnModuleInit {
  private readonly logger = new Logger('EnquiryAcknowledgement');

  constructor(
    private readonly handlers: EventHandlers,
    private readonly recorder: CorrespondenceRecorder,
    private readonly contacts: EnquiryContactsRepository,
  ) {}

  onModuleInit() {
    this.handlers.on(enquiryRaisedV1, async (event, manager) => {
      const requestId = correspondenceRequestId(event.id, ENQUIRY_ACKNOWLEDGED);
      if (await this.recorder.isRecorded(manager, requestId)) return;
      const enquiry = await this.contacts.addressee(manager, event.data.enquiryId);
      // Raised in the transaction that published the event, so always here; nothing to acknowledge otherwise.
      if (!enquiry) return;
      const target = targetDay(enquiry.clocks);
      if (!target) {
        // No SLA target for the enquiry's channel and category: there is no day to promise.
        this.logger.warn({ enquiryId: enquiry.enquiryId }, 'enquiry not acknowledged: no SLA clock gives a target day');
        return;
      }
      const recorded = await this.recorder.record(
        manager,
        {
          requestId,
          recordId: enquiry.enquiryId,
          recipient: {
            id: enquiry.contactId,
            name: enquiry.name,
            language: enquiry.language,
            email: enquiry.email,
            phone: enquiry.phone,
          },
          template: ENQUIRY_ACKNOWLEDGED,
          values: acknowledgementValues(enquiry, target),
          recipientNameAs: ACKNOWLEDGEMENT_RECIPIENT_PLACEHOLDER,
          reference: enquiry.reference,
          source: 'queries',
        },
        new Date(event.time),
      );
      // The case's timeline shows staff that the enquirer was written to (what was said stays here).
      if (recorded)
        await announceRecorded(manager, event, queriesCorrespondenceRecordedV1, recorded, {
          subject: enquiry.enquiryId,
          caseIds: enquiry.caseId ? [enquiry.caseId] : [],
          recipient: 'enquirer',
        });
    });
  }
}

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { WorkingDayCalendar } from '@ccsc/calendar';
import {
  complaintOpenedV1,
  complaintsCorrespondenceRecordedV1,
  complaintStageChangedV1,
  type EventEnvelope,
} from '@ccsc/contracts';
import { correspondenceRequestId, TemplateSetError, type TemplateSet } from '@ccsc/correspondence';
import { announceRecorded, CORRESPONDENCE_TEMPLATES, CorrespondenceRecorder } from '@ccsc/correspondence/outbox';
import { EventHandlers } from '@ccsc/messaging';
import type { EntityManager } from 'typeorm';
import {
  checkComplaintRules,
  COMPLAINANT_NAME_PLACEHOLDER,
  ruleFor,
  valuesFor,
} from '../domain/complaint-correspondence-rules';
import { ComplainantAddresseeRepository } from '../infrastructure/complainant-addressee.repository';

/**
 * Writes to complainants on complaints' own events, by the rule table (complaint-correspondence-rules.ts),
 * in the inbox transaction: the item and the inbox row commit together, so an event delivered twice is one
 * item, and the dispatcher sends it once. A letter when the complainant gave a postal address, else an
 * email, else `undeliverable` for an officer to see (the complaints templates have no text message's
 * wording, so a telephone number alone reaches no one). A complainant who gave no name is written to as
 * "Sir or Madam". The details stay in this service and go in no event or log.
 */
@Injectable()
export class ComplaintCorrespondenceConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly recorder: CorrespondenceRecorder,
    private readonly addressees: ComplainantAddresseeRepository,
    private readonly calendar: WorkingDayCalendar,
    @Inject(CORRESPONDENCE_TEMPLATES) private readonly templates: TemplateSet,
  ) {}

  onModuleInit() {
    // A rule that does not fit its template stops the service before it writes to anyone.
    const problems = checkComplaintRules(this.templates);
    if (problems.length) throw new TemplateSetError(problems);
    this.handlers.on(complaintOpenedV1, (event, manager) => this.write(event, manager, 1));
    this.handlers.on(complaintStageChangedV1, (event, manager) => this.write(event, manager, event.data.stage));
  }

  private async write(
    event: EventEnvelope<{ complaintId: string; stage?: number; status?: string }>,
    manager: EntityManager,
    stage: number,
  ): Promise<void> {
    const rule = ruleFor(event.type, event.data);
    if (!rule) return;
    const requestId = correspondenceRequestId(event.id, rule.template);
    if (await this.recorder.isRecorded(manager, requestId)) return;
    const complaint = await this.addressees.addressee(manager, event.data.complaintId, stage);
    // Written in the transaction that published the event, so always here.
    if (!complaint) return;
    const values = valuesFor(rule, complaint, this.calendar);
    if (!values) return;
    const recorded = await this.recorder.record(
      manager,
      {
        requestId,
        recordId: complaint.complaintId,
        recipient: {
          // A complainant has no record of their own here: the complaint is whom the item went to.
          id: complaint.complaintId,
          name: complaint.name ?? NAMELESS[complaint.language],
          language: complaint.language,
          addressLines: complaint.addressLines,
          postcode: complaint.postcode,
          email: complaint.email,
          phone: complaint.phone,
        },
        template: rule.template,
        values,
        recipientNameAs: COMPLAINANT_NAME_PLACEHOLDER,
        reference: complaint.reference,
        source: 'complaints',
      },
      new Date(event.time),
    );
    // Each case complained of shows staff, on its timeline, that the complainant was written to.
    if (recorded)
      await announceRecorded(manager, event, complaintsCorrespondenceRecordedV1, recorded, {
        subject: complaint.complaintId,
        caseIds: complaint.caseIds,
        recipient: 'complainant',
      });
  }
}

/** "Dear …" for a complainant who gave no name (one from an enquiry: its contact is in queries). */
const NAMELESS = { en: 'Sir or Madam', cy: 'Syr neu Fadam' } as const;

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, isStaff, Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { WorkingDayCalendar } from '@ccsc/calendar';
import {
  complaintClosedV1,
  complaintOpenedV1,
  complaintStageChangedV1,
  financialRemedyAgreedV2,
  ombudsmanEnquiryAnsweredV1,
  ombudsmanEnquiryReceivedV1,
  ombudsmanOutcomeRecordedV1,
  personalDataBreachFlaggedV1,
  type ComplaintSeverity,
  type EnquiryConvertedToComplaintV1,
  type EnquiryConvertedToComplaintV2,
  type EventEnvelope,
  type FeeWaiverDecidedV1,
  type FeeWaiverRequestedV1,
  type RefundStatusChangedV1,
  type RefundStatusChangedV2,
} from '@ccsc/contracts';
import { UnitOfWork, withinTransaction, type PendingEvent, type Transaction } from '@ccsc/messaging';
import { BadUserInputError, FieldError, NotFoundError } from '@ccsc/platform';
import {
  BreachProps,
  Change,
  Complaint,
  ComplaintChannel,
  ComplainantType,
  isFinancial,
  label,
  NewRemedy,
  Outcome,
  pounds,
} from '../domain/complaint';
import { renderResponse, templateFor } from '../domain/response-templates';
import { ComplaintRepository } from '../infrastructure/complaint.repository';
import { SENIOR_LEADERS } from '../../roles';

export interface OpenComplaintCommand {
  complainantType?: ComplainantType;
  complainantName?: string;
  complainantEmail?: string;
  complainantPhone?: string;
  complainantAddressLines?: string[];
  complainantPostcode?: string;
  complainantLanguage?: 'en' | 'cy';
  origin?: ComplaintChannel;
  caseIds?: string[];
  category: string;
  subCategory?: string;
  severity?: ComplaintSeverity;
  investigatingOfficer?: string;
  language?: 'en' | 'cy';
  receivedAt?: Date;
  summary?: string;
}

export interface DraftResponseCommand {
  templateId?: string;
  /** The investigator's findings, put into the template where it says so. */
  findings?: string;
  /** A draft written from scratch instead of from a template. */
  text?: string;
}

/** The enquiry category under which queries files a concern about someone's personal data: it opens as a security breach. */
export const PERSONAL_DATA_CATEGORY = 'personal-data-breach';

interface Changed {
  changes: Change[];
  events: PendingEvent[];
}
type Work = (complaint: Complaint, manager: EntityManager) => Promise<Changed> | Changed;

/** Use cases that change complaints; each runs in one transaction with its timeline entries and events (outbox). */
@Injectable()
export class ComplaintCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly complaints: ComplaintRepository,
    private readonly calendar: WorkingDayCalendar,
    private readonly caseAccess: CaseAccess,
  ) {}

  /**
   * Staff record a complaint from any channel; a citizen or a firm files one through the public
   * form about cases they may see, and can follow it afterwards.
   */
  async open(
    command: OpenComplaintCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Complaint> {
    const staff = isStaff(principal);
    if (!staff) refuseStaffOnly(command);
    const caseIds = command.caseIds ?? [];
    const visible = await this.caseAccess.visible(principal, caseIds);
    if (caseIds.some((id) => !visible.has(id))) throw new NotFoundError('A case of the complaint');
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const complaint = Complaint.open(
          {
            reference: await this.complaints.nextReference(tx.manager),
            complainantType: staff
              ? (command.complainantType ?? 'public')
              : hasRole(principal, 'professional')
                ? 'professional'
                : 'public',
            complainantName: command.complainantName,
            complainantContact: {
              email: command.complainantEmail,
              phone: command.complainantPhone,
              addressLines: command.complainantAddressLines,
              postcode: command.complainantPostcode,
              language: command.complainantLanguage,
            },
            ...(!staff && hasRole(principal, 'professional')
              ? { complainantOrganisationId: principal.organisationId }
              : {}),
            ...(!staff && hasRole(principal, 'citizen') ? { complainantUserId: principal.sub } : {}),
            origin: staff ? (command.origin ?? 'telephone') : 'online-form',
            caseIds,
            category: command.category,
            subCategory: command.subCategory,
            severity: command.severity ?? 'minor',
            investigatingOfficer: command.investigatingOfficer,
            language: command.language,
            receivedAt: staff ? (command.receivedAt ?? now) : now,
            summary: command.summary,
            createdBy: principal.sub,
            now,
          },
          this.calendar,
        );
        await this.record(tx, complaint);
        return complaint;
      },
      now,
    );
  }

  /** Queries turned an enquiry into a complaint. The enquiry id is unique here, so a second telling opens nothing. */
  openFromEnquiry(
    manager: EntityManager,
    event: EventEnvelope<EnquiryConvertedToComplaintV1 | EnquiryConvertedToComplaintV2>,
  ): Promise<void> {
    const context = { correlationId: event.correlationid, causationId: event.id, actor: event.actor ?? 'system' };
    return withinTransaction(manager, context, (tx) => this.openConverted(tx, event.data), new Date(event.time));
  }

  private async openConverted(
    tx: Transaction,
    data: EnquiryConvertedToComplaintV1 | EnquiryConvertedToComplaintV2,
  ): Promise<void> {
    const now = tx.now;
    const receivedAt = new Date(data.receivedAt);
    const complaint = Complaint.open(
      {
        reference: await this.complaints.nextReference(tx.manager),
        complainantType: data.complainantType,
        contactId: data.contactId,
        // Whoever raised the enquiry follows the complaint (v1 did not say; those stay staff's).
        ...('complainantUserId' in data && data.complainantUserId ? { complainantUserId: data.complainantUserId } : {}),
        ...('complainantOrganisationId' in data && data.complainantOrganisationId
          ? { complainantOrganisationId: data.complainantOrganisationId }
          : {}),
        origin: data.channel,
        enquiryId: data.enquiryId,
        caseIds: [...new Set(data.caseIds)],
        category: data.category ?? 'general',
        severity: data.category === PERSONAL_DATA_CATEGORY ? 'security-breach' : 'minor',
        language: data.language,
        // A clock skew between services must not put receipt after the conversion itself.
        receivedAt: receivedAt.getTime() > now.getTime() ? now : receivedAt,
        createdBy: tx.context.actor ?? 'system',
        now,
      },
      this.calendar,
    );
    await this.record(tx, complaint);
  }

  /** Payments reported on the refund or payment it raised for a financial remedy; an older report changes nothing. */
  /** Payments' news of the refund or payment it raised for a financial remedy. */
  recordRemedyPayment(
    manager: EntityManager,
    event: EventEnvelope<RefundStatusChangedV1 | RefundStatusChangedV2>,
  ): Promise<void> {
    const { remedyId, refundId, kind, amountPence, status } = event.data;
    const summary = `Payments: ${label(kind)} of ${pounds(amountPence)} ${label(status)}`;
    return this.recordRemedyProgress(manager, event, { remedyId, paymentId: refundId, status, summary });
  }

  /** Payments' news of the fee waiver a remedy agreed: awaiting approval, then approved (with what it remitted) or rejected. */
  recordFeeWaiver(
    manager: EntityManager,
    event: EventEnvelope<FeeWaiverRequestedV1 | FeeWaiverDecidedV1>,
  ): Promise<void> {
    const data = event.data;
    const status = 'decision' in data ? data.decision : 'awaiting-approval';
    const amount = 'decision' in data ? data.remittedPence : data.amountPence;
    const summary = `Payments: fee waiver${amount ? ` of ${pounds(amount)}` : ''} ${label(status)}`;
    return this.recordRemedyProgress(manager, event, {
      remedyId: data.remedyId,
      paymentId: data.waiverId,
      status,
      summary,
    });
  }

  /**
   * Where payments has got to with a financial remedy, on the remedy and the complaint's timeline, inside the
   * inbox transaction. News of anything payments raised for its own reasons names no remedy.
   */
  private recordRemedyProgress(
    manager: EntityManager,
    event: EventEnvelope,
    news: { remedyId: string | undefined; paymentId: string; status: string; summary: string },
  ): Promise<void> {
    const { remedyId } = news;
    if (!remedyId) return Promise.resolve();
    const context = { correlationId: event.correlationid, causationId: event.id, actor: event.actor ?? 'payments' };
    const work = async (tx: Transaction) => {
      const complaintId = await this.complaints.recordPaymentStatus(
        tx.manager,
        remedyId,
        news.paymentId,
        news.status,
        tx.now,
      );
      if (!complaintId) return;
      const change = { kind: 'remedy-payment', summary: news.summary };
      await this.complaints.appendTimeline(tx.manager, complaintId, [change], tx.context.actor ?? null, tx.now);
    };
    return withinTransaction(manager, context, work, new Date(event.time));
  }

  acknowledge(id: string, principal: Principal, correlationId?: string, now = new Date()) {
    return this.change(id, principal, correlationId, now, (c) => this.stageChanged(c, [c.acknowledge(now)]));
  }

  startInvestigation(
    id: string,
    officer: string | undefined,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ) {
    return this.change(id, principal, correlationId, now, (c) =>
      this.stageChanged(c, [c.startInvestigation(officer, now)]),
    );
  }

  draftResponse(
    id: string,
    command: DraftResponseCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ) {
    if ((command.templateId === undefined) === (command.text === undefined)) {
      throw new BadUserInputError('Draft from a template or write the text', [
        { field: 'templateId', message: 'give exactly one of templateId and text' },
      ]);
    }
    if (command.findings !== undefined && command.templateId === undefined) {
      throw new BadUserInputError('Findings go into a template', [
        { field: 'findings', message: 'can only be given with templateId' },
      ]);
    }
    return this.change(id, principal, correlationId, now, async (c, manager) => {
      let text = command.text ?? '';
      if (command.templateId !== undefined) {
        const stage = c.current.stage;
        const template = templateFor(command.templateId, stage);
        const caseReferences = await this.complaints.caseReferences(manager, c.snapshot.caseIds);
        text = renderResponse(template, {
          complaint: c.snapshot,
          stage,
          caseReferences,
          ...(command.findings ? { findings: command.findings } : {}),
        });
      }
      return this.stageChanged(c, [c.draftResponse(text, command.templateId ?? null, principal.sub)]);
    });
  }

  sendResponse(
    id: string,
    outcome: Outcome,
    text: string | undefined,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ) {
    return this.change(id, principal, correlationId, now, (c) =>
      this.stageChanged(c, [c.sendResponse(outcome, text, principal.sub, now, hasRole(principal, ...SENIOR_LEADERS))]),
    );
  }

  escalate(id: string, principal: Principal, correlationId?: string, now = new Date()) {
    return this.change(id, principal, correlationId, now, (c) =>
      this.stageChanged(c, [c.escalate(this.calendar, now)]),
    );
  }

  agreeRemedy(id: string, input: NewRemedy, principal: Principal, correlationId?: string, now = new Date()) {
    return this.change(id, principal, correlationId, now, (c) => {
      const { remedy, change } = c.agreeRemedy(input, principal.sub, now);
      const events: PendingEvent[] =
        isFinancial(remedy.kind) && remedy.amountPence !== null
          ? [
              {
                type: financialRemedyAgreedV2,
                subject: c.id,
                data: {
                  complaintId: c.id,
                  remedyId: remedy.id,
                  kind: remedy.kind,
                  amountPence: remedy.amountPence,
                  ...(remedy.caseId ? { caseId: remedy.caseId } : {}),
                  ...(remedy.feeCode ? { feeCode: remedy.feeCode } : {}),
                  agreedBy: remedy.agreedBy,
                  complaintCaseIds: [...c.snapshot.caseIds],
                },
              },
            ]
          : [];
      return { changes: [change], events };
    });
  }

  /** Raises a complaint to a personal-data breach; doing it again changes and publishes nothing. */
  flagBreach(id: string, awareAt: Date | undefined, principal: Principal, correlationId?: string, now = new Date()) {
    return this.change(id, principal, correlationId, now, async (c, manager) => {
      const breach = c.flagBreach(awareAt ?? now, now);
      if (!breach) return { changes: [], events: [] };
      return {
        changes: [breachChange(breach)],
        events: (await this.complaints.insertBreach(manager, c)) ? [breachEvent(c.id, breach)] : [],
      };
    });
  }

  decideBreach(
    id: string,
    reportable: boolean,
    reason: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ) {
    return this.change(id, principal, correlationId, now, (c) => ({
      changes: [c.decideBreach(reportable, reason, principal.sub, now)],
      events: [],
    }));
  }

  close(
    id: string,
    businessArea: string,
    causeCategory: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ) {
    return this.change(id, principal, correlationId, now, (c) => {
      const { change, closure } = c.close(businessArea, causeCategory, principal.sub, now);
      return {
        changes: [change],
        events: [
          {
            type: complaintClosedV1,
            subject: c.id,
            data: {
              complaintId: c.id,
              businessArea: closure.businessArea,
              causeCategory: closure.causeCategory,
              outcome: closure.outcome,
              caseIds: c.snapshot.caseIds,
            },
          },
        ],
      };
    });
  }

  referToOmbudsman(
    id: string,
    ombudsmanReference: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ) {
    return this.change(id, principal, correlationId, now, (c) => ({
      changes: [c.referToOmbudsman(ombudsmanReference, now)],
      events: [],
    }));
  }

  recordOmbudsmanEnquiry(id: string, text: string, principal: Principal, correlationId?: string, now = new Date()) {
    return this.change(id, principal, correlationId, now, (c) => ({
      changes: [c.recordOmbudsmanEnquiry(text, principal.sub, now)],
      events: [
        {
          type: ombudsmanEnquiryReceivedV1,
          subject: c.id,
          data: { complaintId: c.id, caseIds: c.snapshot.caseIds },
        },
      ],
    }));
  }

  /** One answer to every enquiry of the Ombudsman's still waiting; the work queue completes their tasks. */
  answerOmbudsmanEnquiries(id: string, text: string, principal: Principal, correlationId?: string, now = new Date()) {
    return this.change(id, principal, correlationId, now, (c) => ({
      changes: [c.answerOmbudsmanEnquiries(text, principal.sub, now)],
      events: [
        {
          type: ombudsmanEnquiryAnsweredV1,
          subject: c.id,
          data: { complaintId: c.id, caseIds: c.snapshot.caseIds },
        },
      ],
    }));
  }

  recordOmbudsmanOutcome(id: string, outcome: Outcome, principal: Principal, correlationId?: string, now = new Date()) {
    return this.change(id, principal, correlationId, now, (c) => ({
      changes: [c.recordOmbudsmanOutcome(outcome, now)],
      events: [
        {
          type: ombudsmanOutcomeRecordedV1,
          subject: c.id,
          data: { complaintId: c.id, caseIds: c.snapshot.caseIds, outcome },
        },
      ],
    }));
  }

  /** Saves a new complaint with its history and events; nothing when its enquiry already became one. */
  private async record(tx: Transaction, complaint: Complaint): Promise<void> {
    if (!(await this.complaints.insert(tx.manager, complaint))) return;
    const s = complaint.snapshot;
    const stage = complaint.current;
    const opened: Change = {
      kind: 'opened',
      summary: `Complaint opened (${s.origin}${s.enquiryId ? ', from an enquiry' : ''}); stage 1 due ${stage.dueDate}`,
    };
    const events: PendingEvent[] = [
      {
        type: complaintOpenedV1,
        subject: s.id,
        data: {
          complaintId: s.id,
          reference: s.reference,
          severity: s.severity,
          caseIds: s.caseIds,
          ...(s.enquiryId ? { enquiryId: s.enquiryId } : {}),
          receivedAt: s.receivedAt.toISOString(),
        },
      },
      stageEvent(complaint),
    ];
    const changes = [opened];
    if (s.breach && (await this.complaints.insertBreach(tx.manager, complaint))) {
      changes.push(breachChange(s.breach));
      events.push(breachEvent(s.id, s.breach));
    }
    await this.complaints.appendTimeline(tx.manager, s.id, changes, tx.context.actor ?? null, tx.now);
    tx.publish(...events);
  }

  /** Only staff change complaints (the roles guard sees to that); the row lock queues concurrent commands. */
  private change(
    id: string,
    principal: Principal,
    correlationId: string | undefined,
    now: Date,
    work: Work,
  ): Promise<Complaint> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const complaint = await this.complaints.findForUpdate(tx.manager, id);
        if (!complaint) throw new NotFoundError('The complaint');
        const { changes, events } = await work(complaint, tx.manager);
        if (changes.length === 0) return complaint;
        await this.complaints.update(tx.manager, complaint);
        await this.complaints.appendTimeline(tx.manager, id, changes, principal.sub, tx.now);
        tx.publish(...events);
        return complaint;
      },
      now,
    );
  }

  private stageChanged(complaint: Complaint, changes: Change[]) {
    return { changes, events: [stageEvent(complaint)] };
  }
}

function stageEvent(complaint: Complaint): PendingEvent {
  const st = complaint.current;
  return {
    type: complaintStageChangedV1,
    subject: complaint.id,
    data: {
      complaintId: complaint.id,
      stage: st.stage,
      status: st.status,
      ...(st.outcome ? { outcome: st.outcome } : {}),
      dueAt: st.dueAt.toISOString(),
      caseIds: complaint.snapshot.caseIds,
    },
  };
}

function breachChange(breach: BreachProps): Change {
  return {
    kind: 'breach-flagged',
    summary: `Personal-data breach: information assurance notified; regulator deadline ${breach.regulatorDeadline.toISOString()}`,
  };
}

function breachEvent(complaintId: string, breach: BreachProps): PendingEvent {
  return {
    type: personalDataBreachFlaggedV1,
    subject: complaintId,
    data: {
      complaintId,
      awareAt: breach.awareAt.toISOString(),
      regulatorDeadline: breach.regulatorDeadline.toISOString(),
    },
  };
}

/** The public form files a complaint as received now, online; triage fields are the officers'. */
function refuseStaffOnly(command: OpenComplaintCommand): void {
  const staffOnly = ['complainantType', 'origin', 'investigatingOfficer', 'receivedAt'] as const;
  const problems: FieldError[] = staffOnly
    .filter((f) => command[f] !== undefined)
    .map((field) => ({ field, message: 'is set by the complaints team' }));
  if (command.severity !== undefined && command.severity !== 'minor' && command.severity !== 'security-breach') {
    problems.push({
      field: 'severity',
      message: 'can only be minor, or security-breach for a concern about personal data',
    });
  }
  if (problems.length) throw new BadUserInputError('The complaint cannot be filed as given', problems);
}

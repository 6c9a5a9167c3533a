import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  assistedDigitalReferralChangedV1,
  AssistedDigitalReferralChangedV1,
  caseCreatedV1,
  CaseCreatedV1,
  caseResultedV1,
  CaseResultedV1,
  caseResultedV2,
  caseStateChangedV1,
  CaseStateChangedV1,
  claimAmountRecordedV1,
  ClaimAmountRecordedV1,
  decisionCheckedV1,
  DecisionCheckedV1,
  decisionRecordedV1,
  DecisionRecordedV1,
  documentReceivedV1,
  DocumentReceivedV1,
  documentReceivedV2,
  DocumentReceivedV2,
  documentReviewedV1,
  DocumentReviewedV1,
  EventEnvelope,
  hearingListedV1,
  HearingListedV1,
  hearingStatusChangedV1,
  HearingStatusChangedV1,
  partyAddedV1,
  PartyAddedV1,
  partyUpdatedV1,
  PartyUpdatedV1,
  representationChangedV1,
  RepresentationChangedV1,
  accountDefaultedV1,
  AccountDefaultedV1,
  assistedDigitalNeedIdentifiedV1,
  AssistedDigitalNeedIdentifiedV1,
  complaintClosedV1,
  ComplaintClosedV1,
  complaintOpenedV1,
  ComplaintOpenedV1,
  complaintStageBreachedV1,
  ComplaintStageBreachedV1,
  complaintStageChangedV1,
  ComplaintStageChangedV1,
  enforcementActionTakenV1,
  EnforcementActionTakenV1,
  enforcementActionTakenV2,
  EnforcementActionTakenV2,
  enquiryConvertedToComplaintV1,
  enquiryConvertedToComplaintV2,
  EnquiryConvertedToComplaintV1,
  enquiryRaisedV1,
  EnquiryRaisedV1,
  enquirySlaBreachedV1,
  EnquirySlaBreachedV1,
  feesReopenedV1,
  FeesReopenedV1,
  feesSettledV1,
  FeesSettledV1,
  enquiryStatusChangedV1,
  EnquiryStatusChangedV1,
  EventType,
  fineAccountOpenedV1,
  FineAccountOpenedV1,
  finePaymentAppliedV1,
  FinePaymentAppliedV1,
  paymentAllocatedV1,
  PaymentAllocatedV1,
  paymentReceivedV1,
  PaymentReceivedV1,
  paymentReversedV1,
  PaymentReversedV1,
  refundStatusChangedV1,
  RefundStatusChangedV1,
  refundStatusChangedV2,
  RefundStatusChangedV2,
  allocationTransferredV1,
  AllocationTransferredV1,
  paymentTermsVariedV1,
  PaymentTermsVariedV1,
  complaintsCorrespondenceRecordedV1,
  CorrespondenceRecordedV1,
  queriesCorrespondenceRecordedV1,
} from '@ccsc/contracts';
import { londonLocalDateTime } from '@ccsc/calendar';
import type { EntityManager } from 'typeorm';
import { EventHandlers, withinTransaction } from '@ccsc/messaging';
import { sharingOfDocument } from '../../document/infrastructure/document.repository';
import { documentAudience } from '../../document/domain/case-document';
import { TimelineRepository, TimelineRow } from '../infrastructure/timeline.repository';
import {
  defendantsResult,
  everyoneOnTheCase,
  partiesConcerned,
  staffOnly,
  TimelineAudience,
} from '../domain/timeline-audience';
import { correspondenceSummary } from '../domain/correspondence-summary';

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;
/** An instant as courts list it: the London day and time. */
const listedFor = (iso: string) => {
  const { date, time } = londonLocalDateTime(new Date(iso));
  return `${date} at ${time.slice(0, 5)} (London time)`;
};
const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

/** How a hearing's change of status reads: what a party needs to know about the day. */
function hearingChange(d: HearingStatusChangedV1): string {
  switch (d.to) {
    case 'listed':
      return d.from === 'adjourned' ? `Hearing relisted for ${listedFor(d.startsAt)}` : 'Hearing back on time';
    case 'running-late':
      return `Hearing running about ${minutes(d.delayMinutes ?? 0)} late`;
    case 'in-progress':
      return 'Hearing started';
    case 'adjourned':
      return `Hearing of ${listedFor(d.startsAt)} adjourned`;
    case 'vacated':
      return `Hearing of ${listedFor(d.startsAt)} vacated (it will not go ahead)`;
    default:
      return 'Hearing completed';
  }
}
const one = (caseId: string | undefined) => (caseId ? [caseId] : []);

/**
 * Entries about a document (that one of its type arrived, how it was reviewed; never what it says) are read as the
 * document is then (document/domain documentAudience, the rule its list follows).
 */
async function documentsReaders(
  manager: EntityManager,
  documentId: string,
  accepted: boolean,
): Promise<TimelineAudience> {
  const sharing = await sharingOfDocument(manager, documentId);
  if (!sharing) return staffOnly;
  const audience = documentAudience(sharing, accepted);
  if (audience.kind === 'everyone') return everyoneOnTheCase;
  return audience.kind === 'parties' ? partiesConcerned(...audience.partyIds) : staffOnly;
}

// How an event read in two versions reads on the timeline, whichever version it came as (v2 only adds fields).
const documentReceived = (d: DocumentReceivedV1) =>
  `Document received (${d.documentType}) by ${d.channel}: ${d.status}`;
const refundStatus = (d: RefundStatusChangedV1) =>
  `${d.kind === 'refund' ? 'Refund' : 'Consolatory payment'} of ${pounds(d.amountPence)}: ${d.status}`;
const enforcementAction = (d: EnforcementActionTakenV1) => `Enforcement action: ${d.action}`;
const resulted = (d: CaseResultedV1) => {
  const total = d.impositions.reduce((sum, i) => sum + i.amountPence, 0);
  return `Resulted: ${d.outcome}${total ? ` (impositions ${pounds(total)})` : ''}`;
};

interface TimelineRule<T extends object> {
  type: EventType<T>;
  cases(data: T): string[];
  summary(data: T): string;
  /** Who besides staff may read the entry; staff only unless the rule says otherwise. */
  audience?(data: T, manager: EntityManager): TimelineAudience | Promise<TimelineAudience>;
}

/** A rule as the registration of its handler, so each handler keeps its contract's data type. */
type Registration = (handlers: EventHandlers, timeline: TimelineRepository) => void;

const rule =
  <T extends object>({ type, cases, summary, audience = () => staffOnly }: TimelineRule<T>): Registration =>
  (handlers, timeline) =>
    handlers.on(type, (event, manager) =>
      withinTransaction(manager, { causationId: event.id, correlationId: event.correlationid }, async (tx) => {
        for (const caseId of new Set(cases(event.data))) {
          const readers = await audience(event.data, tx.manager);
          await timeline.insert(tx.manager, entryOf(event, caseId, summary(event.data), readers));
        }
      }),
    );

/**
 * Every event that names a case, from cases itself or any other service, and how it reads on the
 * case's timeline: an officer sees the whole history of the case, payments, enquiries, complaints
 * and enforcement included, in one place. The parties see its procedural history, and entries about
 * themselves; what another service owns about one party (fees and remissions, payments, enquiries,
 * complaints, a fine account) stays with staff here, and that party reads it from the owning
 * service, whose own access rule applies.
 */
const RULES: Registration[] = [
  rule<CaseCreatedV1>({
    type: caseCreatedV1,
    audience: () => everyoneOnTheCase,
    cases: (d) => [d.caseId],
    summary: (d) => `Case opened as ${d.caseType}, state ${d.state}`,
  }),
  rule<CaseStateChangedV1>({
    type: caseStateChangedV1,
    audience: () => everyoneOnTheCase,
    cases: (d) => [d.caseId],
    summary: (d) => `${d.event}: ${d.from} → ${d.to}`,
  }),
  rule<PartyAddedV1>({
    type: partyAddedV1,
    audience: () => everyoneOnTheCase,
    cases: (d) => [d.caseId],
    summary: (d) => `Party added as ${d.role}`,
  }),
  rule<PartyUpdatedV1>({
    type: partyUpdatedV1,
    audience: (d) => partiesConcerned(d.partyId),
    cases: (d) => [d.caseId],
    summary: (d) => `Party details changed: ${d.fields.join(', ')}`,
  }),
  rule<RepresentationChangedV1>({
    type: representationChangedV1,
    audience: () => everyoneOnTheCase,
    cases: (d) => [d.caseId],
    summary: (d) => `Representation changed from ${d.from ?? 'none'} to ${d.to ?? 'none'}`,
  }),
  // v1 is no longer published, but its events stored and in flight still read the same as v2's.
  rule<DocumentReceivedV1>({
    type: documentReceivedV1,
    audience: (d, manager) => documentsReaders(manager, d.documentId, d.status === 'accepted'),
    cases: (d) => [d.caseId],
    summary: documentReceived,
  }),
  rule<DocumentReceivedV2>({
    type: documentReceivedV2,
    audience: (d, manager) => documentsReaders(manager, d.documentId, d.status === 'accepted'),
    cases: (d) => [d.caseId],
    summary: documentReceived,
  }),
  rule<DocumentReviewedV1>({
    type: documentReviewedV1,
    audience: (d, manager) => documentsReaders(manager, d.documentId, d.decision === 'accepted'),
    cases: (d) => [d.caseId],
    summary: (d) => `Document ${d.decision}`,
  }),
  rule<AssistedDigitalReferralChangedV1>({
    type: assistedDigitalReferralChangedV1,
    cases: (d) => [d.caseId],
    summary: (d) => `Assisted-digital referral ${d.status}`,
  }),
  // v1 is no longer published; v2 only adds the court, and reads the same.
  ...[caseResultedV1, caseResultedV2].map((type) =>
    rule<CaseResultedV1>({
      type,
      audience: (d) => defendantsResult(d.defendantPartyId),
      cases: (d) => [d.caseId],
      summary: resulted,
    }),
  ),
  rule<ClaimAmountRecordedV1>({
    type: claimAmountRecordedV1,
    audience: () => everyoneOnTheCase,
    cases: (d) => [d.caseId],
    summary: (d) => `Claim amount stated: ${pounds(d.claimAmountPence)}`,
  }),
  rule<HearingListedV1>({
    type: hearingListedV1,
    audience: () => everyoneOnTheCase,
    cases: (d) => [d.caseId],
    summary: (d) =>
      `Hearing listed: ${d.hearingType.replace(/-/g, ' ')} at ${d.venueName}, ${listedFor(d.startsAt)}, ${minutes(d.durationMinutes)}`,
  }),
  rule<HearingStatusChangedV1>({
    type: hearingStatusChangedV1,
    audience: () => everyoneOnTheCase,
    cases: (d) => [d.caseId],
    summary: hearingChange,
  }),
  rule<DecisionRecordedV1>({
    type: decisionRecordedV1,
    audience: () => everyoneOnTheCase,
    cases: (d) => [d.caseId],
    summary: (d) => `Decision${d.supersedes ? ' (superseding an earlier one)' : ''}: ${d.outcome}`,
  }),
  // The check is the unit's own quality step before anything is served: staff's.
  rule<DecisionCheckedV1>({
    type: decisionCheckedV1,
    cases: (d) => [d.caseId],
    summary: (d) =>
      d.outcome === 'approved'
        ? 'Decision checked and approved by a second caseworker'
        : 'Decision returned by the second caseworker for correction',
  }),
  rule<FeesSettledV1>({
    type: feesSettledV1,
    cases: (d) => [d.caseId],
    summary: (d) => `Fees ${d.settlement}: ${d.feeCodes.join(', ')}`,
  }),
  rule<FeesReopenedV1>({
    type: feesReopenedV1,
    cases: (d) => [d.caseId],
    summary: (d) => `Fees owed again: ${d.feeCodes.join(', ')}`,
  }),
  rule<PaymentReceivedV1>({
    type: paymentReceivedV1,
    cases: (d) => one(d.caseId),
    summary: (d) => `Payment of ${pounds(d.amountPence)} received by ${d.method}`,
  }),
  rule<PaymentAllocatedV1>({
    type: paymentAllocatedV1,
    cases: (d) => one(d.caseId),
    summary: (d) =>
      `Payment of ${pounds(d.amountPence)} allocated to ${d.target === 'fine-account' ? `fine account ${d.fineAccountNumber ?? ''}`.trim() : 'the service request'}`,
  }),
  rule<AllocationTransferredV1>({
    type: allocationTransferredV1,
    cases: (d) => one(d.caseId),
    summary: (d) => `Payment of ${pounds(d.amountPence)} transferred away from this case`,
  }),
  rule<PaymentReversedV1>({
    type: paymentReversedV1,
    cases: (d) => one(d.caseId),
    summary: (d) => `Payment of ${pounds(d.amountPence)} reversed (${d.reason})`,
  }),
  // v1 is no longer published, but its events stored and in flight still read the same as v2's.
  rule<RefundStatusChangedV1>({
    type: refundStatusChangedV1,
    cases: (d) => one(d.caseId),
    summary: refundStatus,
  }),
  rule<RefundStatusChangedV2>({
    type: refundStatusChangedV2,
    cases: (d) => one(d.caseId),
    summary: refundStatus,
  }),
  // Written to an enquirer or a complainant: staff see it on each case it is about; what was said, and to
  // whom, stays in the service that wrote it.
  ...[queriesCorrespondenceRecordedV1, complaintsCorrespondenceRecordedV1].map((type) =>
    rule<CorrespondenceRecordedV1>({
      type,
      cases: (d) => d.caseIds,
      summary: (d) =>
        correspondenceSummary({
          ...(d.channel ? { channel: d.channel } : {}),
          language: d.language,
          to: d.recipient,
          template: d.template,
        }),
    }),
  ),
  rule<EnquiryRaisedV1>({
    type: enquiryRaisedV1,
    cases: (d) => one(d.caseId),
    summary: (d) => `Enquiry received by ${d.channel}${d.category ? ` (${d.category})` : ''}`,
  }),
  rule<EnquiryStatusChangedV1>({
    type: enquiryStatusChangedV1,
    cases: (d) => one(d.caseId),
    summary: (d) => `Enquiry ${d.from} → ${d.to}`,
  }),
  rule<EnquirySlaBreachedV1>({
    type: enquirySlaBreachedV1,
    cases: (d) => one(d.caseId),
    summary: (d) => `Enquiry ${d.clock} target missed`,
  }),
  // v1 is no longer published; v2 only adds whose it is, and reads the same.
  ...[enquiryConvertedToComplaintV1, enquiryConvertedToComplaintV2].map((type) =>
    rule<EnquiryConvertedToComplaintV1>({
      type,
      cases: (d) => d.caseIds,
      summary: () => 'Enquiry turned into a complaint',
    }),
  ),
  rule<AssistedDigitalNeedIdentifiedV1>({
    type: assistedDigitalNeedIdentifiedV1,
    cases: (d) => [d.caseId],
    summary: (d) => `Assisted-digital need spotted on an enquiry: ${d.needs.join(', ')} (assess and refer the party)`,
  }),
  rule<ComplaintOpenedV1>({
    type: complaintOpenedV1,
    cases: (d) => d.caseIds,
    summary: (d) => `Complaint ${d.reference} opened (${d.severity})`,
  }),
  rule<ComplaintStageChangedV1>({
    type: complaintStageChangedV1,
    cases: (d) => d.caseIds,
    summary: (d) => `Complaint stage ${d.stage}: ${d.status}${d.outcome ? `, ${d.outcome}` : ''}`,
  }),
  rule<ComplaintStageBreachedV1>({
    type: complaintStageBreachedV1,
    cases: (d) => d.caseIds,
    summary: (d) => `Complaint stage ${d.stage} deadline missed`,
  }),
  rule<ComplaintClosedV1>({
    type: complaintClosedV1,
    cases: (d) => d.caseIds,
    summary: (d) => `Complaint closed: ${d.outcome}`,
  }),
  rule<FineAccountOpenedV1>({
    type: fineAccountOpenedV1,
    cases: (d) => one(d.caseId),
    summary: (d) => `Fine account ${d.accountNumber} opened, balance ${pounds(d.balancePence)}`,
  }),
  rule<FinePaymentAppliedV1>({
    type: finePaymentAppliedV1,
    cases: (d) => one(d.caseId),
    // A reversal (bounce, chargeback) is applied as a negative amount.
    summary: (d) =>
      d.amountPence < 0
        ? `${pounds(-d.amountPence)} taken back from fine account ${d.accountNumber}, balance ${pounds(d.balancePence)}`
        : `${pounds(d.amountPence)} applied to fine account ${d.accountNumber}, balance ${pounds(d.balancePence)}`,
  }),
  rule<AccountDefaultedV1>({
    type: accountDefaultedV1,
    cases: (d) => one(d.caseId),
    summary: (d) => `Fine account ${d.accountNumber} in default, arrears ${pounds(d.arrearsPence)}`,
  }),
  rule<PaymentTermsVariedV1>({
    type: paymentTermsVariedV1,
    cases: (d) => one(d.caseId),
    summary: (d) => `Fine payment terms ${d.version === 1 ? 'set' : 'varied'} (${d.kind})`,
  }),
  // v1 is no longer published, but its events stored and in flight still read the same as v2's.
  rule<EnforcementActionTakenV1>({
    type: enforcementActionTakenV1,
    cases: (d) => one(d.caseId),
    summary: enforcementAction,
  }),
  rule<EnforcementActionTakenV2>({
    type: enforcementActionTakenV2,
    cases: (d) => one(d.caseId),
    summary: enforcementAction,
  }),
];

@Injectable()
export class TimelineConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly timeline: TimelineRepository,
  ) {}

  onModuleInit() {
    for (const register of RULES) register(this.handlers, this.timeline);
  }
}

/** One entry on a case's timeline, keyed by event and case, so a redelivery adds nothing. */
function entryOf(event: EventEnvelope, caseId: string, summary: string, audience: TimelineAudience): TimelineRow {
  return {
    eventId: event.id,
    caseId,
    type: event.type,
    source: event.source,
    summary,
    actor: event.actor ?? null,
    occurredAt: new Date(event.time),
    audience: audience.kind,
    partyIds: audience.kind === 'parties' || audience.kind === 'result' ? audience.partyIds : [],
  };
}

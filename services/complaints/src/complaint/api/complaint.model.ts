import { Directive, Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isStaff, type Principal } from '@ccsc/auth';
import { COMPLAINT_SEVERITIES, REFUND_STATUSES } from '@ccsc/contracts';
import { ConnectionType, ObjectType } from '../../complaints.graphql';
import { STAGES } from '../domain/clocks';
import {
  COMPLAINANT_TYPES,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  OUTCOMES,
  REMEDY_KINDS,
  STAGE_STATUSES,
  type Complaint,
  type RemedyProps,
  type StageProps,
  type TimelineEntry,
} from '../domain/complaint';
import { RESPONSE_TEMPLATES } from '../domain/response-templates';
import { timelineEntrySeenBy, userIdSeenBy } from '../domain/user-ids';

// The words of the contract, shared by the GraphQL fields and the REST properties. Vocabularies are strings
// (their values contain hyphens, which GraphQL enum names may not); the REST models list them as enums.

export const COMPLAINT_ID = "The complaint's id (UUID).";
const OUTCOME_WORDS = OUTCOMES.join(', ');
const STAFF_ONLY_NULL = "Always null for a citizen or a professional user: drafts are the officers' working text.";
/** Said of every field that names who did or holds something (userIdSeenBy). */
const STAFF_ONLY = 'Staff only; null for anyone else.';

const STAGE_NUMBER =
  'The stage: 1 (response by the complaints team, 10 working days), 2 (senior manager review, 10 working days) or 3 (customer investigations team appeal, 15 working days).';
const STAGE_STATUS =
  'Where the stage is: received (not yet acknowledged), acknowledged, investigating, response-drafted (a draft awaits review and sending) or response-sent (answered, with its outcome).';
const STAGE_STARTED_AT =
  'When the stage started: the receipt of the complaint for stage 1, the escalation for stages 2 and 3.';
const STAGE_WORKING_DAYS =
  'The working days the stage has for its response (10 at stages 1 and 2, 15 at stage 3); day 1 is the first working day after the London day it started.';
const DUE_DATE = 'The London day the response is due (YYYY-MM-DD): the last of its working days.';
const DUE_AT = 'The end of the due day (London time); a response sent after it is late.';
const CALENDAR_VERSION =
  'The working-day calendar (England and Wales bank-holiday rules and the GOV.UK list) that fixed the deadline.';
const AT_RISK =
  'True while the stage is unanswered in its last two working days before the deadline, as the scheduled deadline run last found it; false once answered or breached.';
const BREACHED =
  'True once the stage missed its deadline: the scheduled run found it unanswered after dueAt, or its response was sent after dueAt. Never turns back to false.';
const ACKNOWLEDGED_AT = 'When the stage was acknowledged; null until then.';
const DRAFT = `The latest response draft, kept after the response is sent (responseText is what went out); null until a response is drafted. ${STAFF_ONLY_NULL}`;
const DRAFT_TEMPLATE = `The template the latest draft was made from (${RESPONSE_TEMPLATES.map((t) => t.id).join(', ')}); null when the draft was written from scratch or there is none. ${STAFF_ONLY_NULL}`;
const RESPONSE_TEXT = 'The response as sent to the complainant; null until it is sent.';
const RESPONDED_AT = 'When the response was sent; null until then.';
const STAGE_OUTCOME = `The stage outcome given with the response: ${OUTCOME_WORDS}; null until the response is sent.`;
const ANSWERED_ON_TIME = 'Whether the response was sent by dueAt; null until it is sent.';

@ObjectType('ComplaintStage', { description: 'One stage of a complaint with its working-day clock.' })
export class ComplaintStageModel {
  @Field(() => Int, { description: STAGE_NUMBER })
  @ApiProperty({ enum: STAGES, description: STAGE_NUMBER })
  stage!: number;
  @Field({ description: STAGE_STATUS })
  @ApiProperty({ enum: STAGE_STATUSES, description: STAGE_STATUS })
  status!: string;
  @Field({ description: STAGE_STARTED_AT })
  @ApiProperty({ example: '2026-11-30T09:15:00.000Z', description: STAGE_STARTED_AT })
  startedAt!: Date;
  @Field(() => Int, { description: STAGE_WORKING_DAYS })
  @ApiProperty({ example: 10, description: STAGE_WORKING_DAYS })
  workingDays!: number;
  @Field({ description: DUE_DATE })
  @ApiProperty({ example: '2026-12-14', description: DUE_DATE })
  dueDate!: string;
  @Field({ description: DUE_AT })
  @ApiProperty({ example: '2026-12-14T23:59:59.999Z', description: DUE_AT })
  dueAt!: Date;
  @Field({ description: CALENDAR_VERSION })
  @ApiProperty({ example: 'ew-rules-1+govuk-2018-2027-d74ae29e', description: CALENDAR_VERSION })
  calendarVersion!: string;
  @Field({ description: AT_RISK }) @ApiProperty({ description: AT_RISK }) atRisk!: boolean;
  @Field({ description: BREACHED }) @ApiProperty({ description: BREACHED }) breached!: boolean;
  @Field(() => Date, { nullable: true, description: ACKNOWLEDGED_AT })
  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    example: '2026-12-01T10:02:00.000Z',
    description: ACKNOWLEDGED_AT,
  })
  acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true, description: DRAFT })
  @ApiPropertyOptional({ type: String, nullable: true, description: DRAFT })
  draft!: string | null;
  @Field(() => String, { nullable: true, description: DRAFT_TEMPLATE })
  @ApiPropertyOptional({ type: String, nullable: true, description: DRAFT_TEMPLATE })
  draftTemplate!: string | null;
  @Field(() => String, { nullable: true, description: RESPONSE_TEXT })
  @ApiPropertyOptional({ type: String, nullable: true, description: RESPONSE_TEXT })
  responseText!: string | null;
  @Field(() => Date, { nullable: true, description: RESPONDED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, example: '2026-12-10T15:40:00.000Z', description: RESPONDED_AT })
  respondedAt!: Date | null;
  @Field(() => String, { nullable: true, description: STAGE_OUTCOME })
  @ApiPropertyOptional({ type: String, nullable: true, enum: OUTCOMES, description: STAGE_OUTCOME })
  outcome!: string | null;
  @Field(() => Boolean, { nullable: true, description: ANSWERED_ON_TIME })
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: ANSWERED_ON_TIME })
  answeredOnTime!: boolean | null;

  /** An unsent draft is the officers' working text: only staff see it. */
  static from(s: StageProps, viewer: Principal): ComplaintStageModel {
    const drafts = isStaff(viewer);
    return {
      stage: s.stage,
      status: s.status,
      startedAt: s.startedAt,
      workingDays: s.workingDays,
      dueDate: s.dueDate,
      dueAt: s.dueAt,
      calendarVersion: s.calendarVersion,
      atRisk: s.atRisk,
      breached: s.breachedAt !== null || (s.respondedAt !== null && s.respondedAt.getTime() > s.dueAt.getTime()),
      acknowledgedAt: s.acknowledgedAt,
      draft: drafts ? s.draft : null,
      draftTemplate: drafts ? s.draftTemplate : null,
      responseText: s.responseText,
      respondedAt: s.respondedAt,
      outcome: s.outcome,
      answeredOnTime: s.respondedAt ? s.respondedAt.getTime() <= s.dueAt.getTime() : null,
    };
  }
}

const REMEDY_ID =
  "The remedy's id (UUID); payments quotes it on the refund or payment it raises for a financial remedy.";
const REMEDY_KIND = `What was agreed: ${REMEDY_KINDS.join(', ')}. A refund, consolatory payment or fee waiver is a financial remedy, handed to payments.`;
const AMOUNT_PENCE = 'Financial remedies: the amount in pence (25000 is £250.00); null for any other kind.';
const REMEDY_CASE_ID =
  "The case the remedy is against (UUID, one of the complaint's cases): always given for a refund or fee waiver, optional for other kinds; null when none was given.";
const FEE_CODE = 'Fee waivers: the fee code waived, e.g. FEE0202; null for any other kind.';
const REMEDY_DESCRIPTION =
  'What the apology, explanation or corrective action is (always given for those kinds); for a financial remedy, an optional note. Null when none was given.';
const REMEDY_STAGE =
  'The stage whose upheld or partially upheld outcome the remedy follows: the latest answered stage when it was agreed.';
const AGREED_AT = 'When the remedy was agreed.';
const PAYMENT_STATUS = `Financial remedies: sent-to-payments until payments reports on it, then the status payments gives its refund or payment (${REFUND_STATUSES.join(', ')}), or its fee waiver (awaiting-approval, approved, rejected; rejected at once when the case does not owe that much of the fee). Null for any other kind.`;
const REFUND_ID =
  'The id (UUID) of the refund, payment or fee waiver that payments raised for it; null until payments reports on it, and for any other kind.';

@ObjectType('ComplaintRemedy', {
  description:
    'A remedy agreed after an upheld or partially upheld stage outcome: an apology, explanation or corrective action, or a financial remedy (refund, consolatory payment, fee waiver) that payments raises and a second person approves.',
})
export class ComplaintRemedyModel {
  @Field(() => ID, { description: REMEDY_ID }) @ApiProperty({ format: 'uuid', description: REMEDY_ID }) id!: string;
  @Field({ description: REMEDY_KIND })
  @ApiProperty({ enum: REMEDY_KINDS, description: REMEDY_KIND })
  kind!: string;
  @Field(() => Int, { nullable: true, description: AMOUNT_PENCE })
  @ApiPropertyOptional({ type: Number, nullable: true, example: 25000, description: AMOUNT_PENCE })
  amountPence!: number | null;
  @Field(() => ID, { nullable: true, description: REMEDY_CASE_ID })
  @ApiPropertyOptional({ type: String, nullable: true, description: REMEDY_CASE_ID })
  caseId!: string | null;
  @Field(() => String, { nullable: true, description: FEE_CODE })
  @ApiPropertyOptional({ type: String, nullable: true, example: 'FEE0202', description: FEE_CODE })
  feeCode!: string | null;
  @Field(() => String, { nullable: true, description: REMEDY_DESCRIPTION })
  @ApiPropertyOptional({ type: String, nullable: true, description: REMEDY_DESCRIPTION })
  description!: string | null;
  @Field(() => Int, { description: REMEDY_STAGE })
  @ApiProperty({ enum: STAGES, description: REMEDY_STAGE })
  stage!: number;
  @Field({ description: AGREED_AT })
  @ApiProperty({ example: '2026-12-11T11:00:00.000Z', description: AGREED_AT })
  agreedAt!: Date;
  @Field(() => String, { nullable: true, description: PAYMENT_STATUS })
  @ApiPropertyOptional({ type: String, nullable: true, description: PAYMENT_STATUS })
  paymentStatus!: string | null;
  @Field(() => ID, { nullable: true, description: REFUND_ID })
  @ApiPropertyOptional({ type: String, nullable: true, description: REFUND_ID })
  refundId!: string | null;

  static from(r: RemedyProps): ComplaintRemedyModel {
    return {
      id: r.id,
      kind: r.kind,
      amountPence: r.amountPence,
      caseId: r.caseId,
      feeCode: r.feeCode,
      description: r.description,
      stage: r.stage,
      agreedAt: r.agreedAt,
      paymentStatus: r.paymentStatus,
      refundId: r.refundId,
    };
  }
}

const AWARE_AT =
  'When the service became aware of the breach: the moment given when it was flagged, or the receipt of a complaint opened as a security breach. The 72-hour clock starts here.';
const REGULATOR_DEADLINE =
  'awareAt plus 72 hours (elapsed hours: weekends and bank holidays count): a reportable breach must be reported to the regulator by then.';
const REPORTABLE = 'Whether the breach must be reported to the regulator; null until that is decided.';
const DECISION_REASON = 'Why the breach is or is not reportable; null until that is decided.';
const DECIDED_AT = 'When it was decided whether the breach is reportable; null until then.';

@ObjectType('ComplaintDataBreach', {
  description: 'A personal-data breach: reported to the regulator within 72 hours (calendar hours) if reportable.',
})
export class ComplaintDataBreachModel {
  @Field({ description: AWARE_AT })
  @ApiProperty({ example: '2026-12-01T14:30:00.000Z', description: AWARE_AT })
  awareAt!: Date;
  @Field({ description: REGULATOR_DEADLINE })
  @ApiProperty({ example: '2026-12-04T14:30:00.000Z', description: REGULATOR_DEADLINE })
  regulatorDeadline!: Date;
  @Field(() => Boolean, { nullable: true, description: REPORTABLE })
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: REPORTABLE })
  reportable!: boolean | null;
  @Field(() => String, { nullable: true, description: DECISION_REASON })
  @ApiPropertyOptional({ type: String, nullable: true, description: DECISION_REASON })
  decisionReason!: string | null;
  @Field(() => Date, { nullable: true, description: DECIDED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, example: '2026-12-02T09:00:00.000Z', description: DECIDED_AT })
  decidedAt!: Date | null;
}

const ENQUIRY_AT = 'When the enquiry was recorded.';
export const OMBUDSMAN_ENQUIRY_TEXT = 'What the Ombudsman asked, as the officer recorded it.';
export const OMBUDSMAN_ENQUIRY_EXAMPLE =
  'Please send the stage 3 response and the listing history of the case by 18 December 2026.';
export const OMBUDSMAN_ANSWER_EXAMPLE = 'The stage 3 response and the listing history of the case are attached.';
const ENQUIRY_ANSWERED_AT = 'When the answer to the enquiry was recorded; null while it waits for one.';
const ENQUIRY_ANSWER =
  'What was sent to the Ombudsman in answer (one answer may cover several enquiries); null while it waits for one.';

@ObjectType('ComplaintOmbudsmanEnquiry', {
  description: 'An enquiry the Parliamentary and Health Service Ombudsman made about the complaint.',
})
export class ComplaintOmbudsmanEnquiryModel {
  @Field({ description: ENQUIRY_AT }) @ApiProperty({ description: ENQUIRY_AT }) at!: Date;
  @Field({ description: OMBUDSMAN_ENQUIRY_TEXT })
  @ApiProperty({ example: OMBUDSMAN_ENQUIRY_EXAMPLE, description: OMBUDSMAN_ENQUIRY_TEXT })
  text!: string;
  @Field(() => Date, { nullable: true, description: ENQUIRY_ANSWERED_AT })
  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    example: '2026-12-15T11:00:00.000Z',
    description: ENQUIRY_ANSWERED_AT,
  })
  answeredAt!: Date | null;
  @Field(() => String, { nullable: true, description: ENQUIRY_ANSWER })
  @ApiPropertyOptional({ type: String, nullable: true, example: OMBUDSMAN_ANSWER_EXAMPLE, description: ENQUIRY_ANSWER })
  answer!: string | null;
}

export const OMBUDSMAN_REFERENCE = "The Ombudsman's own reference for the complaint, e.g. PHSO-12345.";
const REFERRED_AT = 'When the referral was recorded.';
const OMBUDSMAN_ENQUIRIES = "The Ombudsman's enquiries, in the order they were recorded.";
const OMBUDSMAN_OUTCOME = `The Ombudsman's outcome: ${OUTCOME_WORDS}; null until it is given.`;

@ObjectType('ComplaintOmbudsmanReferral', {
  description:
    "The Parliamentary and Health Service Ombudsman's consideration of the complaint, taken on after stage 3 (on referral by the complainant's MP).",
})
export class ComplaintOmbudsmanModel {
  @Field({ description: OMBUDSMAN_REFERENCE })
  @ApiProperty({ example: 'PHSO-12345', description: OMBUDSMAN_REFERENCE })
  ombudsmanReference!: string;
  @Field({ description: REFERRED_AT }) @ApiProperty({ description: REFERRED_AT }) referredAt!: Date;
  @Field(() => [ComplaintOmbudsmanEnquiryModel], { description: OMBUDSMAN_ENQUIRIES })
  @ApiProperty({ type: [ComplaintOmbudsmanEnquiryModel], description: OMBUDSMAN_ENQUIRIES })
  enquiries!: ComplaintOmbudsmanEnquiryModel[];
  @Field(() => String, { nullable: true, description: OMBUDSMAN_OUTCOME })
  @ApiPropertyOptional({ type: String, nullable: true, enum: OUTCOMES, description: OMBUDSMAN_OUTCOME })
  outcome!: string | null;
}

const TIMELINE_KIND =
  'What kind of thing happened: opened, breach-flagged, stage-acknowledged, stage-investigating, response-drafted, response-sent, stage-breached, escalated, remedy-agreed, remedy-payment, breach-decided, closed, ombudsman-referral, ombudsman-enquiry, ombudsman-answer or ombudsman-outcome.';
const TIMELINE_SUMMARY =
  'What happened, in plain English words. Staff alone read which officer a stage is under investigation by.';
const TIMELINE_ACTOR = `Who did it: the user id of their account (the identity provider's subject), an officer's or, for a complaint filed through the public form, the complainant's; system for the scheduled deadline run and for changes no person made (payments for its reports on a remedy). Null when not recorded. ${STAFF_ONLY}`;
const TIMELINE_AT = 'When it happened.';

@ObjectType('ComplaintTimelineEntry', {
  description: "One entry of a complaint's history: what happened, who did it and when.",
})
export class ComplaintTimelineEntryModel {
  @Field({ description: TIMELINE_KIND })
  @ApiProperty({ example: 'response-sent', description: TIMELINE_KIND })
  kind!: string;
  @Field({ description: TIMELINE_SUMMARY })
  @ApiProperty({ example: 'Stage 1 answered on time: partially upheld', description: TIMELINE_SUMMARY })
  summary!: string;
  @Field(() => String, { nullable: true, description: TIMELINE_ACTOR })
  @ApiPropertyOptional({ type: String, nullable: true, description: TIMELINE_ACTOR })
  actor!: string | null;
  @Field({ description: TIMELINE_AT })
  @ApiProperty({ example: '2026-12-10T15:40:00.000Z', description: TIMELINE_AT })
  at!: Date;

  /** Who made the change, and an officer its words name, are staff's to know (timelineEntrySeenBy). */
  static from(entry: TimelineEntry, viewer: Principal): ComplaintTimelineEntryModel {
    const e = timelineEntrySeenBy(viewer, entry);
    return { kind: e.kind, summary: e.summary, actor: e.actor, at: e.at };
  }
}

const REFERENCE =
  "The complaint's reference, quoted to the complainant and in letters: CMP- and a number of at least six digits.";
const COMPLAINANT_TYPE =
  "public (a member of the public) or professional (a solicitors' firm or other professional user): set by staff, or by the caller's role on the public form.";
const COMPLAINANT_NAME =
  "The complainant's name as they gave it; null when none was given (a complaint from an enquiry keeps its contact in the queries service).";
const CONTACT_READ_AS_NAME =
  "Personal data, kept in complaints only and read as the name is: by staff and the complainant's own side.";
const COMPLAINANT_EMAIL = `The email address the complainant gave; null when none was given. ${CONTACT_READ_AS_NAME}`;
const COMPLAINANT_PHONE = `The telephone number the complainant gave; null when none was given. ${CONTACT_READ_AS_NAME}`;
const COMPLAINANT_ADDRESS_LINES = `The complainant's postal address before the postcode, one line to an item (1 to 5); null when none was given. Letters go to it. ${CONTACT_READ_AS_NAME}`;
const COMPLAINANT_POSTCODE = `The postcode of that address, upper case without spaces; null when no address was given. ${CONTACT_READ_AS_NAME}`;
const COMPLAINANT_LANGUAGE =
  "The language the complainant is written to in: en (English) or cy (Welsh); the complaint's language unless they asked otherwise.";
const ORIGIN = `The channel it came by: ${COMPLAINT_CHANNELS.join(', ')}. online-form for the public form; telephone when staff did not say.`;
const ENQUIRY_ID = 'The enquiry it was converted from (its UUID in the queries service); null when recorded directly.';
const CASE_IDS = 'The cases the complaint is about (their UUIDs in the cases service); empty when none.';
const CATEGORY =
  "The category code, e.g. delay, staff-conduct or fees; for a complaint from an enquiry, the enquiry's category (general when it had none).";
const SUB_CATEGORY = 'A finer category code for root-cause figures, e.g. hearing-listing; null when none was given.';
const SEVERITY = `${COMPLAINT_SEVERITIES.join(', ')}. security-breach is a personal-data breach (see dataBreach); a tier-1-plus response is sent by a senior leader.`;
const INVESTIGATING_OFFICER = `The officer investigating it, as staff recorded them; null until one is named. ${STAFF_ONLY}`;
const RECEIVED_AT =
  "When the complaint reached the service: as staff recorded it, the enquiry's receipt for one converted from an enquiry, or else when it was filed. The stage 1 clock counts from here.";
const STATUS = 'open, or closed once an officer closed it with its root cause (after its current stage was answered).';
const CURRENT_STAGE = 'The stage it is at now, the last of stages: 1, 2 or 3.';
const STAGES_DESCRIPTION = 'Its stages, stage 1 first; only the last one is live.';
const REMEDIES = 'The remedies agreed, in the order they were agreed.';
const DATA_BREACH = 'The personal-data breach record; null unless the complaint is a personal-data breach.';
const BUSINESS_AREA = 'Root cause: the business area it is fed back to, e.g. civil-listing; null until closed.';
const CAUSE_CATEGORY =
  'Root cause: what went wrong, e.g. process-failure, communication or system-error; null until closed.';
const OUTCOME = `The outcome of the stage answered when it was closed: ${OUTCOME_WORDS}; null until closed.`;
const CLOSED_AT = 'When it was closed; null while open.';
const OMBUDSMAN = "The Ombudsman's consideration, after stage 3; null unless the complaint was referred.";

@ObjectType('Complaint', {
  description:
    'A complaint about the service, through its stages. Complaints officers, team leaders and caseworkers see every complaint; a citizen or a firm sees only the complaints it filed through the public form.',
})
export class ComplaintModel {
  @Field(() => ID, { description: COMPLAINT_ID })
  @ApiProperty({ format: 'uuid', description: COMPLAINT_ID })
  id!: string;
  @Field({ description: REFERENCE }) @ApiProperty({ example: 'CMP-000001', description: REFERENCE }) reference!: string;
  @Field({ description: COMPLAINANT_TYPE })
  @ApiProperty({ enum: COMPLAINANT_TYPES, description: COMPLAINANT_TYPE })
  complainantType!: string;
  @Field(() => String, { nullable: true, description: COMPLAINANT_NAME })
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Rhian Evans', description: COMPLAINANT_NAME })
  complainantName!: string | null;
  @Field(() => String, { nullable: true, description: COMPLAINANT_EMAIL })
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'email',
    example: 'rhian.evans@example.com',
    description: COMPLAINANT_EMAIL,
  })
  complainantEmail!: string | null;
  @Field(() => String, { nullable: true, description: COMPLAINANT_PHONE })
  @ApiPropertyOptional({ type: String, nullable: true, example: '+44 29 2000 0000', description: COMPLAINANT_PHONE })
  complainantPhone!: string | null;
  @Field(() => [String], { nullable: true, description: COMPLAINANT_ADDRESS_LINES })
  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    example: ['Flat 2', '10 Heol y Frenhines', 'Caerdydd'],
    description: COMPLAINANT_ADDRESS_LINES,
  })
  complainantAddressLines!: string[] | null;
  @Field(() => String, { nullable: true, description: COMPLAINANT_POSTCODE })
  @ApiPropertyOptional({ type: String, nullable: true, example: 'CF101AA', description: COMPLAINANT_POSTCODE })
  complainantPostcode!: string | null;
  @Field({ description: COMPLAINANT_LANGUAGE })
  @ApiProperty({ enum: ['en', 'cy'], example: 'cy', description: COMPLAINANT_LANGUAGE })
  complainantLanguage!: string;
  @Field({ description: ORIGIN }) @ApiProperty({ enum: COMPLAINT_CHANNELS, description: ORIGIN }) origin!: string;
  @Field(() => ID, { nullable: true, description: ENQUIRY_ID })
  @ApiPropertyOptional({ type: String, nullable: true, description: ENQUIRY_ID })
  enquiryId!: string | null;
  @Field(() => [ID], { description: `${CASE_IDS} The cases field resolves them.` })
  @ApiProperty({ type: [String], example: ['3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f'], description: CASE_IDS })
  caseIds!: string[];
  @Field({ description: CATEGORY }) @ApiProperty({ example: 'delay', description: CATEGORY }) category!: string;
  @Field(() => String, { nullable: true, description: SUB_CATEGORY })
  @ApiPropertyOptional({ type: String, nullable: true, example: 'hearing-listing', description: SUB_CATEGORY })
  subCategory!: string | null;
  @Field({ description: SEVERITY })
  @ApiProperty({ enum: COMPLAINT_SEVERITIES, description: SEVERITY })
  severity!: string;
  @Field(() => String, { nullable: true, description: INVESTIGATING_OFFICER })
  @ApiPropertyOptional({ type: String, nullable: true, description: INVESTIGATING_OFFICER })
  investigatingOfficer!: string | null;
  @Field({ description: RECEIVED_AT })
  @ApiProperty({ example: '2026-11-30T09:15:00.000Z', description: RECEIVED_AT })
  receivedAt!: Date;
  @Field({ description: STATUS }) @ApiProperty({ enum: COMPLAINT_STATUSES, description: STATUS }) status!: string;
  @Field(() => Int, { description: CURRENT_STAGE })
  @ApiProperty({ enum: STAGES, description: CURRENT_STAGE })
  currentStage!: number;
  @Field(() => [ComplaintStageModel], { description: STAGES_DESCRIPTION })
  @ApiProperty({ type: [ComplaintStageModel], description: STAGES_DESCRIPTION })
  stages!: ComplaintStageModel[];
  @Field(() => [ComplaintRemedyModel], { description: REMEDIES })
  @ApiProperty({ type: [ComplaintRemedyModel], description: REMEDIES })
  remedies!: ComplaintRemedyModel[];
  @Field(() => ComplaintDataBreachModel, { nullable: true, description: DATA_BREACH })
  @ApiPropertyOptional({ type: ComplaintDataBreachModel, nullable: true, description: DATA_BREACH })
  dataBreach!: ComplaintDataBreachModel | null;
  @Field(() => String, { nullable: true, description: BUSINESS_AREA })
  @ApiPropertyOptional({ type: String, nullable: true, description: BUSINESS_AREA })
  businessArea!: string | null;
  @Field(() => String, { nullable: true, description: CAUSE_CATEGORY })
  @ApiPropertyOptional({ type: String, nullable: true, description: CAUSE_CATEGORY })
  causeCategory!: string | null;
  @Field(() => String, { nullable: true, description: OUTCOME })
  @ApiPropertyOptional({ type: String, nullable: true, enum: OUTCOMES, description: OUTCOME })
  outcome!: string | null;
  @Field(() => Date, { nullable: true, description: CLOSED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, example: '2026-12-11T12:00:00.000Z', description: CLOSED_AT })
  closedAt!: Date | null;
  @Field(() => ComplaintOmbudsmanModel, { nullable: true, description: OMBUDSMAN })
  @ApiPropertyOptional({ type: ComplaintOmbudsmanModel, nullable: true, description: OMBUDSMAN })
  ombudsman!: ComplaintOmbudsmanModel | null;

  static from(complaint: Complaint, viewer: Principal): ComplaintModel {
    const s = complaint.snapshot;
    return {
      id: s.id,
      reference: s.reference,
      complainantType: s.complainantType,
      complainantName: s.complainantName,
      complainantEmail: s.complainantContact.email,
      complainantPhone: s.complainantContact.phone,
      complainantAddressLines: s.complainantContact.addressLines,
      complainantPostcode: s.complainantContact.postcode,
      complainantLanguage: s.complainantContact.language,
      origin: s.origin,
      enquiryId: s.enquiryId,
      caseIds: s.caseIds,
      category: s.category,
      subCategory: s.subCategory,
      severity: s.severity,
      investigatingOfficer: userIdSeenBy(viewer, s.investigatingOfficer),
      receivedAt: s.receivedAt,
      status: s.closure ? 'closed' : 'open',
      currentStage: complaint.current.stage,
      stages: s.stages.map((stage) => ComplaintStageModel.from(stage, viewer)),
      remedies: s.remedies.map(ComplaintRemedyModel.from),
      dataBreach: s.breach && {
        awareAt: s.breach.awareAt,
        regulatorDeadline: s.breach.regulatorDeadline,
        reportable: s.breach.reportable,
        decisionReason: s.breach.decisionReason,
        decidedAt: s.breach.decidedAt,
      },
      businessArea: s.closure?.businessArea ?? null,
      causeCategory: s.closure?.causeCategory ?? null,
      outcome: s.closure?.outcome ?? null,
      closedAt: s.closure?.closedAt ?? null,
      ombudsman: s.ombudsman && {
        ombudsmanReference: s.ombudsman.ombudsmanReference,
        referredAt: s.ombudsman.referredAt,
        enquiries: s.ombudsman.enquiries.map((e) => ({
          at: e.at,
          text: e.text,
          answeredAt: e.answeredAt,
          answer: e.answer,
        })),
        outcome: s.ombudsman.outcome,
      },
    };
  }
}

export const ComplaintConnection = ConnectionType(ComplaintModel, 'Complaint');

/** The cases service's Case, extended with its complaints; only the key is known here. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class ComplaintCaseModel {
  @Field(() => ID) id!: string;
}

/** A page of the REST list of complaints. */
export class ComplaintPageModel {
  @ApiProperty({ type: [ComplaintModel], description: 'The complaints of this page, newest recorded first.' })
  items!: ComplaintModel[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` to get the next page; null on the last page.',
  })
  nextCursor!: string | null;
}

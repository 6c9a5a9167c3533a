import { Directive, Field, Float, ID, Int } from '@nestjs/graphql';
import { ConnectionType, ObjectType } from '../../queries.graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@ccsc/auth';
import {
  ENQUIRY_CHANNELS,
  ENQUIRY_PRIORITIES,
  ENQUIRY_STATUSES,
  type EnquiryRecord,
  type HistoryRecord,
  type MessageRecord,
} from '../domain/enquiry';
import { userIdSeenBy } from '../domain/user-ids';
import { slaState, type SlaClock } from '../../sla/domain/sla-clock';

// Statuses, channels and the like are strings, as in the cases subgraph: their values contain
// hyphens, which GraphQL enum names may not.

/** An id an officer or a customer is known by: the identity provider's subject of their account. */
export const USER_ID = "the user id of their account (the identity provider's subject)";
const ENQUIRY_ID = "The enquiry's id (UUID).";
export const ENQUIRY_REFERENCE = 'The reference a caller quotes: ENQ- and seven digits, e.g. ENQ-0000123.';
const SLA_TARGET =
  "The target in the clock's unit: working hours (may be fractional: 0.25 is 15 minutes) or whole working days.";
const SLA_PAUSED_AT =
  'When the clock paused because the enquiry went to awaiting-customer; null while it runs, and once it stops.';
const SLA_STOPPED_AT =
  "When the clock stopped: for first-response, the service centre's first reply; for either clock, the enquiry being resolved or closed. Null until then.";
const CALENDAR_VERSION = 'The working-day calendar (bank-holiday rules and GOV.UK list) that computed the due moment.';
const SUBJECT = "The enquirer's summary of the question (trimmed, at most 300 characters).";
const CASE_ID = 'The case the enquiry is about (its UUID in the cases service); null when it is not linked to a case.';
const CATEGORY =
  'The category code given when it was raised (e.g. hearing, fees): it picks the triage rule and the SLA targets. Null when none was given.';
const QUEUE_ID = 'The work queue (its code, e.g. general) triage put it in; it waits there while no officer has it.';
/** Said of every field that names an officer (userIdSeenBy). */
const STAFF_ONLY = 'Staff only; null for anyone else.';
const ASSIGNED_TO = `The officer working it: ${USER_ID}. Null while no officer has it. ${STAFF_ONLY}`;
const ESCALATED_TO =
  'team-leader or judicial: where it was last escalated; null once an officer takes it or is given it, or if never escalated.';
const TEAM =
  'The team that works the queue it is in (e.g. contact-centre, civil, welsh-language); null when in no queue.';
const MAJOR_PRIORITY = 'Work-allocation major priority: lower is taken sooner. 5000 by default, 2000 when urgent.';
const MINOR_PRIORITY =
  'Work-allocation minor priority, after major priority and priority date: lower is taken sooner. 500 by default, 100 when hearing-related.';
const PRIORITY_DATE =
  'Work-allocation priority date: the moment it was received. Among tasks of the same major priority, the earlier goes first.';
const RECEIVED_AT =
  'When it reached the service centre: when it was raised, or the earlier moment staff recorded for a letter or call. The SLA clocks count from here.';
const FIRST_RESPONSE_AT = 'When the service centre first replied (its first outbound message); null until then.';
const RESOLVED_AT =
  'When it moved to resolved; null until then, and again if it is reopened (closing a resolved enquiry keeps it).';
const RESOLVED_AT_FIRST_CONTACT =
  'Whether it was resolved without waiting for the customer, escalation or reassignment, and with at most one reply. Null while resolvedAt is.';
const SLA =
  'Its SLA clocks, first-response then resolution, with the targets of the most specific policy for its channel and category when it was raised; a clock no policy covers is left out.';
const CREATED_AT = 'When it was recorded in the service centre.';
const UPDATED_AT = 'When it last changed.';

@ObjectType('EnquirySla', { description: 'One SLA clock of an enquiry: first response or resolution.' })
export class EnquirySlaModel {
  @Field({ description: 'first-response or resolution.' })
  @ApiProperty({ enum: ['first-response', 'resolution'] })
  clock!: string;
  @Field({ description: 'working-hours (service-centre opening hours) or working-days.' })
  @ApiProperty({ enum: ['working-hours', 'working-days'] })
  unit!: string;
  @Field(() => Float, { description: SLA_TARGET })
  @ApiProperty({ description: SLA_TARGET, example: 1 })
  target!: number;
  @Field({ description: 'on-track, at-risk, breached (flagged by the scheduled run), paused, met or missed.' })
  @ApiProperty({ enum: ['on-track', 'at-risk', 'breached', 'paused', 'met', 'missed'] })
  state!: string;
  @Field(() => Date, { nullable: true, description: 'When it is due; none while paused.' })
  @ApiPropertyOptional({ type: Date, nullable: true })
  dueAt!: Date | null;
  @Field(() => Date, { nullable: true, description: SLA_PAUSED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, description: SLA_PAUSED_AT })
  pausedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: SLA_STOPPED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, description: SLA_STOPPED_AT })
  stoppedAt!: Date | null;
  @Field({ description: CALENDAR_VERSION })
  @ApiProperty({ description: CALENDAR_VERSION, example: 'ew-rules-1+govuk-2018-2027-d74ae29e' })
  calendarVersion!: string;

  static from(c: SlaClock): EnquirySlaModel {
    return {
      clock: c.clock,
      unit: c.unit,
      target: c.amount,
      state: slaState(c),
      dueAt: c.dueAt,
      pausedAt: c.pausedAt,
      stoppedAt: c.stoppedAt,
      calendarVersion: c.calendarVersion,
    };
  }
}

@ObjectType('Enquiry', { description: 'An enquiry from the public or a professional, on any channel.' })
export class EnquiryModel {
  @Field(() => ID, { description: ENQUIRY_ID }) @ApiProperty({ format: 'uuid', description: ENQUIRY_ID }) id!: string;
  @Field({ description: ENQUIRY_REFERENCE })
  @ApiProperty({ description: ENQUIRY_REFERENCE, example: 'ENQ-0000123' })
  reference!: string;
  @Field({ description: `One of ${ENQUIRY_CHANNELS.join(', ')}.` })
  @ApiProperty({ enum: ENQUIRY_CHANNELS })
  channel!: string;
  @Field({ description: SUBJECT })
  @ApiProperty({ description: SUBJECT, example: 'When is my hearing?' })
  subject!: string;
  @Field({ description: `One of ${ENQUIRY_STATUSES.join(', ')}.` })
  @ApiProperty({ enum: ENQUIRY_STATUSES })
  status!: string;
  @Field(() => ID, { nullable: true, description: `${CASE_ID} The \`case\` field resolves it.` })
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: CASE_ID })
  caseId!: string | null;
  @Field(() => String, { nullable: true, description: CATEGORY })
  @ApiPropertyOptional({ type: String, nullable: true, description: CATEGORY })
  category!: string | null;
  @Field({ description: `One of ${ENQUIRY_PRIORITIES.join(', ')}.` })
  @ApiProperty({ enum: ENQUIRY_PRIORITIES })
  priority!: string;
  @Field({ description: 'en or cy.' }) @ApiProperty({ enum: ['en', 'cy'] }) language!: string;
  @Field(() => String, { nullable: true, description: QUEUE_ID })
  @ApiPropertyOptional({ type: String, nullable: true, description: QUEUE_ID })
  queueId!: string | null;
  @Field(() => String, { nullable: true, description: TEAM })
  @ApiPropertyOptional({ type: String, nullable: true, description: TEAM })
  team!: string | null;
  @Field(() => String, { nullable: true, description: ASSIGNED_TO })
  @ApiPropertyOptional({ type: String, nullable: true, description: ASSIGNED_TO })
  assignedTo!: string | null;
  @Field(() => String, { nullable: true, description: ESCALATED_TO })
  @ApiPropertyOptional({ type: String, nullable: true, description: ESCALATED_TO })
  escalatedTo!: string | null;
  @Field(() => Int, { description: MAJOR_PRIORITY })
  @ApiProperty({ description: MAJOR_PRIORITY, example: 5000 })
  majorPriority!: number;
  @Field(() => Int, { description: MINOR_PRIORITY })
  @ApiProperty({ description: MINOR_PRIORITY, example: 500 })
  minorPriority!: number;
  @Field({ description: PRIORITY_DATE }) @ApiProperty({ description: PRIORITY_DATE }) priorityDate!: Date;
  @Field({ description: 'Some message of the thread is about a hearing.' }) @ApiProperty() hearingRelated!: boolean;
  @Field({ description: RECEIVED_AT }) @ApiProperty({ description: RECEIVED_AT }) receivedAt!: Date;
  @Field(() => Date, { nullable: true, description: FIRST_RESPONSE_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, description: FIRST_RESPONSE_AT })
  firstResponseAt!: Date | null;
  @Field(() => Date, { nullable: true, description: RESOLVED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, description: RESOLVED_AT })
  resolvedAt!: Date | null;
  @Field(() => Boolean, { nullable: true, description: RESOLVED_AT_FIRST_CONTACT })
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: RESOLVED_AT_FIRST_CONTACT })
  resolvedAtFirstContact!: boolean | null;
  @Field(() => Date, { nullable: true, description: 'When it was turned into a complaint.' })
  @ApiPropertyOptional({ type: Date, nullable: true })
  convertedToComplaintAt!: Date | null;
  @Field(() => [EnquirySlaModel], { description: SLA })
  @ApiProperty({ type: [EnquirySlaModel], description: SLA })
  sla!: EnquirySlaModel[];
  @Field({ description: CREATED_AT }) @ApiProperty({ description: CREATED_AT }) createdAt!: Date;
  @Field({ description: UPDATED_AT }) @ApiProperty({ description: UPDATED_AT }) updatedAt!: Date;

  /** Which officer is working it is staff's to know (userIdSeenBy). */
  static from(e: EnquiryRecord, viewer: Principal): EnquiryModel {
    return {
      id: e.id,
      reference: e.reference,
      channel: e.channel,
      subject: e.subject,
      status: e.status,
      caseId: e.caseId,
      category: e.category,
      priority: e.priority,
      language: e.language,
      queueId: e.queueId,
      team: e.team,
      assignedTo: userIdSeenBy(viewer, e.assignedTo),
      escalatedTo: e.escalatedTo,
      majorPriority: e.majorPriority,
      minorPriority: e.minorPriority,
      priorityDate: e.priorityDate,
      hearingRelated: e.hearingRelated,
      receivedAt: e.receivedAt,
      firstResponseAt: e.firstResponseAt,
      resolvedAt: e.resolvedAt,
      resolvedAtFirstContact: e.resolvedFirstContact,
      convertedToComplaintAt: e.convertedToComplaintAt,
      sla: e.clocks.map(EnquirySlaModel.from),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  }
}

export const EnquiryConnection = ConnectionType(EnquiryModel, 'Enquiry');

export class EnquiryPageModel {
  @ApiProperty({ type: [EnquiryModel], description: 'The enquiries of this page, newest first.' })
  items!: EnquiryModel[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` to get the next page; null on the last page.',
  })
  nextCursor!: string | null;
}

const MESSAGE_ID = "The message's id (UUID).";
const PARENT_ID = 'The id of the message this one answers; null when it answers none (the first message, for one).';
const MESSAGE_BODY = 'The text of the message, as written.';
const MESSAGE_HEARING_RELATED =
  'The message is about a hearing: the enquiry is then hearing-related, which moves it ahead in its queue.';
const AUTHOR = `Who added it: ${USER_ID}. The customer, or the officer who replied or recorded what the customer said.`;

@ObjectType('EnquiryMessage', { description: 'A message of an enquiry thread; parentId is the message it answers.' })
export class EnquiryMessageModel {
  @Field(() => ID, { description: MESSAGE_ID }) @ApiProperty({ format: 'uuid', description: MESSAGE_ID }) id!: string;
  @Field(() => ID, { nullable: true, description: PARENT_ID })
  @ApiPropertyOptional({ type: String, nullable: true, description: PARENT_ID })
  parentId!: string | null;
  @Field({ description: 'inbound (from the customer) or outbound (from the service centre).' })
  @ApiProperty({ enum: ['inbound', 'outbound'] })
  direction!: string;
  @Field({ description: MESSAGE_BODY })
  @ApiProperty({
    description: MESSAGE_BODY,
    example: 'My hearing is listed for 15 March. Is it still going ahead, and which court do I go to?',
  })
  body!: string;
  @Field({ description: MESSAGE_HEARING_RELATED })
  @ApiProperty({ description: MESSAGE_HEARING_RELATED })
  hearingRelated!: boolean;
  @Field({ description: AUTHOR }) @ApiProperty({ description: AUTHOR, example: 'citizen-alex-smith' }) author!: string;
  @Field({ description: 'When it was added to the thread.' })
  @ApiProperty({ description: 'When it was added to the thread.' })
  createdAt!: Date;

  static from(m: MessageRecord): EnquiryMessageModel {
    return {
      id: m.id,
      parentId: m.parentId,
      direction: m.direction,
      body: m.body,
      hearingRelated: m.hearingRelated,
      author: m.author,
      createdAt: m.createdAt,
    };
  }
}

@ObjectType('EnquiryHistoryEntry', { description: 'A change to an enquiry: who, when, what and why.' })
export class EnquiryHistoryEntryModel {
  @Field({
    description:
      'What happened: raised, status (a status change), triaged (a triage decision that left the status as it was), reassigned, unassigned (work taken from an officer with the status kept), converted-to-complaint or assisted-digital-need.',
  })
  kind!: string;
  @Field(() => String, { nullable: true, description: 'The status before, for a status change; null otherwise.' })
  fromStatus!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The status after, for a status change (new, when raised); null otherwise.',
  })
  toStatus!: string | null;
  @Field({ description: 'Details of the change, as JSON.' }) detail!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "Why: the officer's words (required to escalate or override triage), or the service's own (the customer replied); null when none was given.",
  })
  reason!: string | null;
  @Field({
    description: `Who made the change: ${USER_ID}, or system for what the service did itself (triage on receipt).`,
  })
  actor!: string;
  @Field({ description: 'When it happened.' }) at!: Date;

  static from(h: HistoryRecord): EnquiryHistoryEntryModel {
    return { ...h, detail: JSON.stringify(h.detail) };
  }
}

/** The cases subgraph's Case, extended with its enquiries; this subgraph knows only its id. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class CaseReference {
  @Field(() => ID) id!: string;
}

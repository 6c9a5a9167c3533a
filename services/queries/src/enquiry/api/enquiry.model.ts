import { Directive, Field, Float, ID, Int } from '@nestjs/graphql';
import { ConnectionType, ObjectType } from '../../queries.graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ENQUIRY_CHANNELS,
  ENQUIRY_PRIORITIES,
  ENQUIRY_STATUSES,
  type EnquiryRecord,
  type HistoryRecord,
  type MessageRecord,
} from '../domain/enquiry';
import { slaState, type SlaClock } from '../../sla/domain/sla-clock';

// Statuses, channels and the like are strings, as in the cases subgraph: their values contain
// hyphens, which GraphQL enum names may not.

@ObjectType('EnquirySla', { description: 'One SLA clock of an enquiry: first response or resolution.' })
export class EnquirySlaModel {
  @Field({ description: 'first-response or resolution.' })
  @ApiProperty({ enum: ['first-response', 'resolution'] })
  clock!: string;
  @Field({ description: 'working-hours (service-centre opening hours) or working-days.' })
  @ApiProperty({ enum: ['working-hours', 'working-days'] })
  unit!: string;
  @Field(() => Float) @ApiProperty() target!: number;
  @Field({ description: 'on-track, at-risk, breached (flagged by the scheduled run), paused, met or missed.' })
  @ApiProperty({ enum: ['on-track', 'at-risk', 'breached', 'paused', 'met', 'missed'] })
  state!: string;
  @Field(() => Date, { nullable: true, description: 'When it is due; none while paused.' })
  @ApiPropertyOptional({ type: Date, nullable: true })
  dueAt!: Date | null;
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional({ type: Date, nullable: true }) pausedAt!: Date | null;
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional({ type: Date, nullable: true }) stoppedAt!: Date | null;
  @Field({ description: 'The working-day calendar that computed the due moment.' })
  @ApiProperty()
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
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id!: string;
  @Field({ description: `One of ${ENQUIRY_CHANNELS.join(', ')}.` })
  @ApiProperty({ enum: ENQUIRY_CHANNELS })
  channel!: string;
  @Field() @ApiProperty() subject!: string;
  @Field({ description: `One of ${ENQUIRY_STATUSES.join(', ')}.` })
  @ApiProperty({ enum: ENQUIRY_STATUSES })
  status!: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) caseId!:
    string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) category!:
    string | null;
  @Field({ description: `One of ${ENQUIRY_PRIORITIES.join(', ')}.` })
  @ApiProperty({ enum: ENQUIRY_PRIORITIES })
  priority!: string;
  @Field({ description: 'en or cy.' }) @ApiProperty({ enum: ['en', 'cy'] }) language!: string;
  @Field(() => String, { nullable: true, description: 'The work queue it waits in.' })
  @ApiPropertyOptional({ type: String, nullable: true })
  queueId!: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) team!: string | null;
  @Field(() => String, { nullable: true, description: 'The officer working it.' })
  @ApiPropertyOptional({ type: String, nullable: true })
  assignedTo!: string | null;
  @Field(() => String, { nullable: true, description: 'team-leader or judicial, while escalated.' })
  @ApiPropertyOptional({ type: String, nullable: true })
  escalatedTo!: string | null;
  @Field(() => Int, { description: 'Work-allocation major priority: lower is sooner (5000 by default, 2000 urgent).' })
  @ApiProperty()
  majorPriority!: number;
  @Field(() => Int, { description: 'Work-allocation minor priority (500 by default).' })
  @ApiProperty()
  minorPriority!: number;
  @Field() @ApiProperty() priorityDate!: Date;
  @Field({ description: 'Some message of the thread is about a hearing.' }) @ApiProperty() hearingRelated!: boolean;
  @Field() @ApiProperty() receivedAt!: Date;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  firstResponseAt!: Date | null;
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional({ type: Date, nullable: true }) resolvedAt!: Date | null;
  @Field(() => Boolean, { nullable: true })
  @ApiPropertyOptional({ type: Boolean, nullable: true })
  resolvedAtFirstContact!: boolean | null;
  @Field(() => Date, { nullable: true, description: 'When it was turned into a complaint.' })
  @ApiPropertyOptional({ type: Date, nullable: true })
  convertedToComplaintAt!: Date | null;
  @Field(() => [EnquirySlaModel]) @ApiProperty({ type: [EnquirySlaModel] }) sla!: EnquirySlaModel[];
  @Field() @ApiProperty() createdAt!: Date;
  @Field() @ApiProperty() updatedAt!: Date;

  static from(e: EnquiryRecord): EnquiryModel {
    return {
      id: e.id,
      channel: e.channel,
      subject: e.subject,
      status: e.status,
      caseId: e.caseId,
      category: e.category,
      priority: e.priority,
      language: e.language,
      queueId: e.queueId,
      team: e.team,
      assignedTo: e.assignedTo,
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
  @ApiProperty({ type: [EnquiryModel] }) items!: EnquiryModel[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

@ObjectType('EnquiryMessage', { description: 'A message of an enquiry thread; parentId is the message it answers.' })
export class EnquiryMessageModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id!: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) parentId!: string | null;
  @Field({ description: 'inbound (from the customer) or outbound (from the service centre).' })
  @ApiProperty({ enum: ['inbound', 'outbound'] })
  direction!: string;
  @Field() @ApiProperty() body!: string;
  @Field() @ApiProperty() hearingRelated!: boolean;
  @Field() @ApiProperty() author!: string;
  @Field() @ApiProperty() createdAt!: Date;

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
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) fromStatus!: string | null;
  @Field(() => String, { nullable: true }) toStatus!: string | null;
  @Field({ description: 'Details of the change, as JSON.' }) detail!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() actor!: string;
  @Field() at!: Date;

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

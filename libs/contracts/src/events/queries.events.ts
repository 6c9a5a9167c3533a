import { ArrayMinSize, IsArray, IsDateString, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../event-type';

// Events the queries service publishes. The contact's details stay in queries: events carry its id.

export const ENQUIRY_CHANNELS = ['telephone', 'webchat', 'email', 'social-media', 'online-form', 'post'] as const;
export type EnquiryChannel = (typeof ENQUIRY_CHANNELS)[number];

export class EnquiryRaisedV1 {
  @IsUUID() enquiryId!: string;
  @IsIn(ENQUIRY_CHANNELS) channel!: EnquiryChannel;
  @IsOptional() @IsString() @Length(1, 64) category?: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsDateString() receivedAt!: string;
}
export const enquiryRaisedV1 = defineEvent('queries', 'enquiry-raised', 1, EnquiryRaisedV1);

export class EnquiryStatusChangedV1 {
  @IsUUID() enquiryId!: string;
  @IsString() @Length(1, 32) from!: string;
  @IsString() @Length(1, 32) to!: string;
  @IsOptional() @IsUUID() caseId?: string;
}
export const enquiryStatusChangedV1 = defineEvent('queries', 'enquiry-status-changed', 1, EnquiryStatusChangedV1);

/** An enquiry was really a complaint: complaints opens one from it. */
export class EnquiryConvertedToComplaintV1 {
  @IsUUID() enquiryId!: string;
  /** The enquiry's contact, owned by queries; complaints keeps the reference, not the details. */
  @IsUUID() contactId!: string;
  @IsIn(['public', 'professional']) complainantType!: 'public' | 'professional';
  @IsIn(ENQUIRY_CHANNELS) channel!: EnquiryChannel;
  @IsOptional() @IsString() @Length(1, 64) category?: string;
  @IsArray() @IsUUID('all', { each: true }) caseIds!: string[];
  @IsDateString() receivedAt!: string;
  @IsIn(['en', 'cy']) language!: 'en' | 'cy';
}
export const enquiryConvertedToComplaintV1 = defineEvent(
  'queries',
  'enquiry-converted-to-complaint',
  1,
  EnquiryConvertedToComplaintV1,
);

/**
 * v2 adds whose the enquiry was, so the complaint is theirs too: the citizen's account or the firm that
 * raised it (neither for a contact staff recorded). v1 is no longer published, but is still read.
 */
export class EnquiryConvertedToComplaintV2 extends EnquiryConvertedToComplaintV1 {
  @IsOptional() @IsString() @Length(1, 255) complainantUserId?: string;
  @IsOptional() @IsString() @Length(1, 64) complainantOrganisationId?: string;
}
export const enquiryConvertedToComplaintV2 = defineEvent(
  'queries',
  'enquiry-converted-to-complaint',
  2,
  EnquiryConvertedToComplaintV2,
);

export const ASSISTED_DIGITAL_NEEDS = [
  'no-device',
  'no-connection',
  'low-digital-confidence',
  'disability',
  'language',
] as const;
export type AssistedDigitalNeed = (typeof ASSISTED_DIGITAL_NEEDS)[number];

/** An officer spotted, on an enquiry, that the user needs assisted-digital help with their case. */
export class AssistedDigitalNeedIdentifiedV1 {
  @IsUUID() enquiryId!: string;
  @IsUUID() caseId!: string;
  @IsArray() @ArrayMinSize(1) @IsIn(ASSISTED_DIGITAL_NEEDS, { each: true }) needs!: AssistedDigitalNeed[];
}
export const assistedDigitalNeedIdentifiedV1 = defineEvent(
  'queries',
  'assisted-digital-need-identified',
  1,
  AssistedDigitalNeedIdentifiedV1,
);

export class EnquirySlaBreachedV1 {
  @IsUUID() enquiryId!: string;
  @IsIn(['first-response', 'resolution']) clock!: 'first-response' | 'resolution';
  @IsDateString() dueAt!: string;
  @IsOptional() @IsUUID() caseId?: string;
}
export const enquirySlaBreachedV1 = defineEvent('queries', 'enquiry-sla-breached', 1, EnquirySlaBreachedV1);

export const TASK_CHANGES = [
  'created',
  'assigned',
  'claimed',
  'reassigned',
  'released',
  'escalated',
  'expedited',
  'moved',
  'completed',
  'cancelled',
] as const;
export type TaskChangeKind = (typeof TASK_CHANGES)[number];

/**
 * A task of the service centre's work queue changed: created from an event, taken, given, handed back,
 * escalated, brought forward, moved with its enquiry (`moved`, added while only the queries service
 * reads these events), completed or cancelled. The queries service follows its own
 * `task-changed` events live on every replica, so "my tasks" and "queue" subscribers hear of a change
 * whichever replica made it. Officers are named by their token's subject; nothing about the public.
 */
export class TaskChangedV1 {
  @IsUUID() taskId!: string;
  @IsString() @Length(1, 64) taskType!: string;
  @IsString() @Length(1, 64) queueId!: string;
  @IsIn(TASK_CHANGES) change!: TaskChangeKind;
  @IsIn(['unassigned', 'assigned', 'completed', 'cancelled']) status!: string;
  @IsOptional() @IsString() @Length(1, 255) assignedTo?: string;
  /** Who held it before the change, when someone did: their "my tasks" changed too. */
  @IsOptional() @IsString() @Length(1, 255) previouslyAssignedTo?: string;
  @IsOptional() @IsUUID() caseId?: string;
}
export const taskChangedV1 = defineEvent('queries', 'task-changed', 1, TaskChangedV1);

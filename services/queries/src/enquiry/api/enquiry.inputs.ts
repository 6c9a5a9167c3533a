import { Field, ID } from '@nestjs/graphql';
import { InputType } from '../../queries.graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { ASSISTED_DIGITAL_NEEDS, type AssistedDigitalNeed } from '@ccsc/contracts';
import { IsInstant, NestedInput, PageParams } from '@ccsc/platform';
import {
  CONTACT_KINDS,
  ENQUIRY_CHANNELS,
  ENQUIRY_PRIORITIES,
  ENQUIRY_STATUSES,
  ESCALATION_TARGETS,
  LANGUAGES,
  type ContactKind,
  type EnquiryChannel,
  type EnquiryPriority,
  type EnquiryStatus,
  type EscalationTarget,
  type Language,
} from '../domain/enquiry';
import { DIRECT_STATUSES, type AddMessageCommand, type RaiseEnquiryCommand } from '../application/enquiry.commands';
import { IsAddresseeName } from '@ccsc/correspondence';

// One set of input classes serves GraphQL, REST and OpenAPI, so the three cannot drift apart.

const CATEGORY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CATEGORY_MESSAGE = 'category must be a lower-case code of letters, digits and -, e.g. hearing';
export const MAX_MESSAGE = 10_000;
export const MAX_REASON = 1000;

/** The enquiry id that the GraphQL inputs carry and the REST routes take from the path. */
export const ENQUIRY_ID = "The enquiry's id (UUID).";
const CONTACT_NAME =
  "The enquirer's name as they give it: one line of 1 to 200 characters, no web address (it is put into the messages sent to them).";
const CONTACT_EMAIL = 'An email address to answer to, if they gave one.';
const CONTACT_PHONE =
  'A telephone number to call back on, if they gave one: digits, spaces, brackets and hyphens, with an optional leading +.';
const SUBJECT = 'A short summary of the question (1 to 300 characters, not blank).';
const FIRST_MESSAGE = `The first message of the thread: the question in the enquirer's words (1 to ${MAX_MESSAGE.toLocaleString('en-GB')} characters, not blank).`;
const CATEGORY_CODE =
  'A category code, lower-case letters, digits and hyphens (e.g. hearing, fees): it picks the triage rule and the SLA targets. Optional.';
const MESSAGE_BODY = `The message (1 to ${MAX_MESSAGE.toLocaleString('en-GB')} characters, not blank).`;
const HEARING_RELATED =
  'The message is about a hearing: the enquiry becomes hearing-related, which moves it ahead of others of the same priority and date.';
const STATUS_REASON = `Why, in the officer's words, kept in the enquiry's history (at most ${MAX_REASON} characters). Optional.`;
const ESCALATION_REASON = `Why it needs escalating, kept in the enquiry's history (1 to ${MAX_REASON} characters, not blank).`;
const COMPLAINT_REASON = `Why the enquiry is really a complaint, kept in the enquiry's history (1 to ${MAX_REASON} characters).`;

@InputType('EnquiryContactInput', {
  description: 'Who the enquiry is from. Personal data: it stays in the queries service.',
})
export class EnquiryContactInput {
  @Field({ description: CONTACT_NAME })
  @ApiProperty({ example: 'Alex Smith', maxLength: 200, description: CONTACT_NAME })
  @IsString()
  @Length(1, 200)
  @IsAddresseeName()
  name!: string;
  @Field({ nullable: true, description: CONTACT_EMAIL })
  @ApiPropertyOptional({ format: 'email', description: CONTACT_EMAIL })
  @IsOptional()
  @IsEmail()
  email?: string;
  @Field(() => String, {
    nullable: true,
    description: 'public or professional: set by staff recording a call or letter; otherwise it follows the caller.',
  })
  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @Field({ nullable: true, description: CONTACT_PHONE })
  @ApiPropertyOptional({ example: '+44 20 7946 0000', description: CONTACT_PHONE })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,32}$/, { message: 'phone must be a telephone number' })
  phone?: string;
}

/** POST /api/v1/queries/enquiries and the GraphQL `raiseEnquiry` input. */
@InputType('RaiseEnquiryInput', { description: 'A new enquiry with its first message.' })
export class RaiseEnquiryInput {
  @Field(() => String, {
    description: `One of ${ENQUIRY_CHANNELS.join(', ')}; the public and partners use online-form, webchat or email.`,
  })
  @ApiProperty({ enum: ENQUIRY_CHANNELS })
  @IsIn(ENQUIRY_CHANNELS)
  channel!: EnquiryChannel;

  @Field({ description: SUBJECT })
  @ApiProperty({ example: 'When is my hearing?', maxLength: 300, description: SUBJECT })
  @IsString()
  @Length(1, 300)
  subject!: string;
  @Field({ description: FIRST_MESSAGE })
  @ApiProperty({
    maxLength: MAX_MESSAGE,
    description: FIRST_MESSAGE,
    example: 'My hearing is listed for 15 March. Is it still going ahead, and which court do I go to?',
  })
  @IsString()
  @Length(1, MAX_MESSAGE)
  message!: string;
  @Field({ nullable: true, description: 'The question is about a hearing.' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  hearingRelated?: boolean;
  @Field(() => ID, { nullable: true, description: 'The case it is about, if any.' })
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;
  @Field({ nullable: true, description: CATEGORY_CODE })
  @ApiPropertyOptional({ example: 'hearing', description: CATEGORY_CODE })
  @IsOptional()
  @Matches(CATEGORY, { message: CATEGORY_MESSAGE })
  category?: string;
  @Field(() => String, { nullable: true, description: 'normal or urgent (urgent is set by staff).' })
  @ApiPropertyOptional({ enum: ENQUIRY_PRIORITIES })
  @IsOptional()
  @IsIn(ENQUIRY_PRIORITIES)
  priority?: EnquiryPriority;
  @Field(() => String, { nullable: true, description: 'en or cy: the language to answer in.' })
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
  @Field(() => EnquiryContactInput, { description: 'Who the enquiry is from.' })
  @ApiProperty({ type: EnquiryContactInput })
  @NestedInput(() => EnquiryContactInput)
  contact!: EnquiryContactInput;
  @Field({ nullable: true, description: 'When it reached the service centre, if earlier than now (staff only).' })
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  receivedAt?: string;
}

/** POST /api/v1/queries/enquiries/{id}/messages; with the enquiry id, the GraphQL `addEnquiryMessage` input. */
@InputType({ isAbstract: true })
export class EnquiryMessageBody {
  @Field({ description: MESSAGE_BODY })
  @ApiProperty({
    maxLength: MAX_MESSAGE,
    description: MESSAGE_BODY,
    example: 'I have found the letter: my claim number is on it. Do you need anything else from me?',
  })
  @IsString()
  @Length(1, MAX_MESSAGE)
  body!: string;
  @Field(() => ID, { nullable: true, description: 'The message this answers.' })
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
  @Field({ nullable: true, description: HEARING_RELATED })
  @ApiPropertyOptional({ description: HEARING_RELATED })
  @IsOptional()
  @IsBoolean()
  hearingRelated?: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Staff only: inbound to record what the customer said (e.g. on a call); replies are outbound.',
  })
  @ApiPropertyOptional({ enum: ['inbound', 'outbound'] })
  @IsOptional()
  @IsIn(['inbound', 'outbound'])
  direction?: 'inbound' | 'outbound';
}

@InputType('AddEnquiryMessageInput', { description: "A message to add to an enquiry's thread." })
export class AddEnquiryMessageInput extends EnquiryMessageBody {
  @Field(() => ID, { description: ENQUIRY_ID }) @IsUUID() enquiryId!: string;
}

/** POST /api/v1/queries/enquiries/{id}/status; with the enquiry id, the GraphQL `changeEnquiryStatus` input. */
@InputType({ isAbstract: true })
export class EnquiryStatusBody {
  @Field(() => String, { description: `One of ${DIRECT_STATUSES.join(', ')}.` })
  @ApiProperty({ enum: DIRECT_STATUSES })
  @IsIn(ENQUIRY_STATUSES)
  status!: EnquiryStatus;
  @Field({ nullable: true, description: STATUS_REASON })
  @ApiPropertyOptional({
    maxLength: MAX_REASON,
    description: STATUS_REASON,
    example: 'Asked the claimant for a copy of the court order.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}

@InputType('ChangeEnquiryStatusInput', { description: 'Waiting for the customer, resolved or closed.' })
export class ChangeEnquiryStatusInput extends EnquiryStatusBody {
  @Field(() => ID, { description: ENQUIRY_ID }) @IsUUID() enquiryId!: string;
}

/** POST /api/v1/queries/enquiries/{id}/escalation; with the enquiry id, the GraphQL `escalateEnquiry` input. */
@InputType({ isAbstract: true })
export class EscalationBody {
  @Field(() => String, { description: 'team-leader or judicial (the judicial / case-directions team).' })
  @ApiProperty({ enum: ESCALATION_TARGETS })
  @IsIn(ESCALATION_TARGETS)
  to!: EscalationTarget;
  @Field({ description: ESCALATION_REASON })
  @ApiProperty({
    maxLength: MAX_REASON,
    description: ESCALATION_REASON,
    example: 'The caller has waited three weeks for a refund and asks to speak to a manager.',
  })
  @IsString()
  @Length(1, MAX_REASON)
  reason!: string;
}

@InputType('EscalateEnquiryInput', {
  description:
    'An enquiry to escalate, to whom and why. It leaves its officer: escalated to a team leader, it waits in its queue for one; to the judicial team, in the judicial queue.',
})
export class EscalateEnquiryInput extends EscalationBody {
  @Field(() => ID, { description: ENQUIRY_ID }) @IsUUID() enquiryId!: string;
}

/** POST /api/v1/queries/enquiries/{id}/complaint; with the enquiry id, the GraphQL `convertEnquiryToComplaint` input. */
@InputType({ isAbstract: true })
export class ComplaintConversionBody {
  @Field({ description: COMPLAINT_REASON })
  @ApiProperty({
    maxLength: MAX_REASON,
    description: COMPLAINT_REASON,
    example: 'The caller wants to complain that their hearing was cancelled without notice.',
  })
  @IsString()
  @Length(1, MAX_REASON)
  reason!: string;
}

@InputType('ConvertEnquiryToComplaintInput', {
  description:
    'An enquiry that is really a complaint, and why: complaints opens the complaint, and the enquiry closes.',
})
export class ConvertEnquiryToComplaintInput extends ComplaintConversionBody {
  @Field(() => ID, { description: ENQUIRY_ID }) @IsUUID() enquiryId!: string;
}

/**
 * POST /api/v1/queries/enquiries/{id}/assisted-digital-needs; with the enquiry id, the GraphQL
 * `identifyAssistedDigitalNeed` input.
 */
@InputType({ isAbstract: true })
export class AssistedDigitalNeedsBody {
  @Field(() => [String], { description: `Any of ${ASSISTED_DIGITAL_NEEDS.join(', ')}.` })
  @ApiProperty({ enum: ASSISTED_DIGITAL_NEEDS, isArray: true, minItems: 1, maxItems: ASSISTED_DIGITAL_NEEDS.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ASSISTED_DIGITAL_NEEDS.length)
  @IsIn(ASSISTED_DIGITAL_NEEDS, { each: true })
  needs!: AssistedDigitalNeed[];
}

@InputType('IdentifyAssistedDigitalNeedInput', {
  description:
    "The assisted-digital needs an officer spotted on an enquiry about a case, for the case's officers to refer the user for help.",
})
export class IdentifyAssistedDigitalNeedInput extends AssistedDigitalNeedsBody {
  @Field(() => ID, { description: ENQUIRY_ID }) @IsUUID() enquiryId!: string;
}

export class EnquiryStatusFilter {
  @ApiPropertyOptional({ enum: ENQUIRY_STATUSES }) @IsOptional() @IsIn(ENQUIRY_STATUSES) status?: EnquiryStatus;
}

export class ListEnquiriesQuery extends IntersectionType(PageParams, EnquiryStatusFilter) {}

export function raiseCommand(input: RaiseEnquiryInput): RaiseEnquiryCommand {
  // GraphQL passes explicit nulls for nullable fields; to the rules they mean "not given".
  const { receivedAt, contact, ...rest } = input;
  return {
    ...definedOnly(rest),
    channel: input.channel,
    subject: input.subject,
    message: input.message,
    contact: { name: contact.name, ...definedOnly({ email: contact.email, phone: contact.phone, kind: contact.kind }) },
    ...(receivedAt != null ? { receivedAt: new Date(receivedAt) } : {}),
  };
}

export function messageCommand(body: EnquiryMessageBody): AddMessageCommand {
  return {
    body: body.body,
    ...definedOnly({ parentId: body.parentId, hearingRelated: body.hearingRelated, direction: body.direction }),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

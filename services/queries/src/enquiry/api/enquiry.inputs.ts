import { Field, ID } from '@nestjs/graphql';
import { InputType } from '../../queries.graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  ValidateNested,
} from 'class-validator';
import { ASSISTED_DIGITAL_NEEDS, type AssistedDigitalNeed } from '@ccsc/contracts';
import { IsInstant, PageParams } from '@ccsc/platform';
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

// One set of input classes serves GraphQL, REST and OpenAPI, so the three cannot drift apart.

const CATEGORY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CATEGORY_MESSAGE = 'category must be a lower-case code of letters, digits and -, e.g. hearing';
export const MAX_MESSAGE = 10_000;
export const MAX_REASON = 1000;

@InputType('EnquiryContactInput', {
  description: 'Who the enquiry is from. Personal data: it stays in the queries service.',
})
export class EnquiryContactInput {
  @Field() @ApiProperty({ example: 'Alex Smith', maxLength: 200 }) @IsString() @Length(1, 200) name!: string;
  @Field({ nullable: true }) @ApiPropertyOptional({ format: 'email' }) @IsOptional() @IsEmail() email?: string;
  @Field(() => String, {
    nullable: true,
    description: 'public or professional: set by staff recording a call or letter; otherwise it follows the caller.',
  })
  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @Field({ nullable: true })
  @ApiPropertyOptional({ example: '+44 20 7946 0000' })
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

  @Field()
  @ApiProperty({ example: 'When is my hearing?', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  subject!: string;
  @Field({ description: 'The first message of the thread.' })
  @ApiProperty({ maxLength: MAX_MESSAGE })
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
  @Field({ nullable: true })
  @ApiPropertyOptional({ example: 'hearing' })
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
  @Field(() => EnquiryContactInput)
  @ApiProperty({ type: EnquiryContactInput })
  @ValidateNested()
  @Type(() => EnquiryContactInput)
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
  @Field() @ApiProperty({ maxLength: MAX_MESSAGE }) @IsString() @Length(1, MAX_MESSAGE) body!: string;
  @Field(() => ID, { nullable: true, description: 'The message this answers.' })
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsBoolean() hearingRelated?: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Staff only: inbound to record what the customer said (e.g. on a call); replies are outbound.',
  })
  @ApiPropertyOptional({ enum: ['inbound', 'outbound'] })
  @IsOptional()
  @IsIn(['inbound', 'outbound'])
  direction?: 'inbound' | 'outbound';
}

@InputType('AddEnquiryMessageInput')
export class AddEnquiryMessageInput extends EnquiryMessageBody {
  @Field(() => ID) @IsUUID() enquiryId!: string;
}

/** POST /api/v1/queries/enquiries/{id}/status; with the enquiry id, the GraphQL `changeEnquiryStatus` input. */
@InputType({ isAbstract: true })
export class EnquiryStatusBody {
  @Field(() => String, { description: `One of ${DIRECT_STATUSES.join(', ')}.` })
  @ApiProperty({ enum: DIRECT_STATUSES })
  @IsIn(ENQUIRY_STATUSES)
  status!: EnquiryStatus;
  @Field({ nullable: true })
  @ApiPropertyOptional({ maxLength: MAX_REASON })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}

@InputType('ChangeEnquiryStatusInput', { description: 'Waiting for the customer, resolved or closed.' })
export class ChangeEnquiryStatusInput extends EnquiryStatusBody {
  @Field(() => ID) @IsUUID() enquiryId!: string;
}

/** POST /api/v1/queries/enquiries/{id}/escalation; with the enquiry id, the GraphQL `escalateEnquiry` input. */
@InputType({ isAbstract: true })
export class EscalationBody {
  @Field(() => String, { description: 'team-leader or judicial (the judicial / case-directions team).' })
  @ApiProperty({ enum: ESCALATION_TARGETS })
  @IsIn(ESCALATION_TARGETS)
  to!: EscalationTarget;
  @Field() @ApiProperty({ maxLength: MAX_REASON }) @IsString() @Length(1, MAX_REASON) reason!: string;
}

@InputType('EscalateEnquiryInput')
export class EscalateEnquiryInput extends EscalationBody {
  @Field(() => ID) @IsUUID() enquiryId!: string;
}

/** POST /api/v1/queries/enquiries/{id}/complaint; with the enquiry id, the GraphQL `convertEnquiryToComplaint` input. */
@InputType({ isAbstract: true })
export class ComplaintConversionBody {
  @Field() @ApiProperty({ maxLength: MAX_REASON }) @IsString() @Length(1, MAX_REASON) reason!: string;
}

@InputType('ConvertEnquiryToComplaintInput')
export class ConvertEnquiryToComplaintInput extends ComplaintConversionBody {
  @Field(() => ID) @IsUUID() enquiryId!: string;
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

@InputType('IdentifyAssistedDigitalNeedInput')
export class IdentifyAssistedDigitalNeedInput extends AssistedDigitalNeedsBody {
  @Field(() => ID) @IsUUID() enquiryId!: string;
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

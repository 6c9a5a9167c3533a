import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { COMPLAINT_SEVERITIES, type ComplaintSeverity } from '@ccsc/contracts';
import { InputType } from '../../complaints.graphql';
import {
  COMPLAINANT_TYPES,
  COMPLAINT_CHANNELS,
  MAX_TEXT,
  OUTCOMES,
  REMEDY_KINDS,
  type ComplainantType,
  type ComplaintChannel,
  type Outcome,
  type RemedyKind,
} from '../domain/complaint';
import type { OpenComplaintCommand } from '../application/complaint.commands';
import { ADDRESS_LINES, addressLinesProblem, PHONE, UK_POSTCODE } from '../domain/complainant-contact';
import { OMBUDSMAN_ANSWER_EXAMPLE, OMBUDSMAN_ENQUIRY_EXAMPLE } from './complaint.model';
import { BadUserInputError, IsInstant, MAX_PENCE, parseInstant } from '@ccsc/platform';
import { IsAddresseeName } from '@ccsc/correspondence';

// One set of input classes serves REST bodies, GraphQL inputs (with the complaint id as its own
// argument) and OpenAPI. Vocabularies are strings, not GraphQL enums, because their values contain hyphens.

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CODE_MESSAGE = 'must be a lower-case code: letters, digits and - (at most 64)';

const COMPLAINANT_TYPE = `Staff only: ${COMPLAINANT_TYPES.join(', ')} (public when not given); the public form takes it from the caller's role.`;
const COMPLAINANT_NAME =
  'The complainant as they gave their name (one line of 1 to 200 characters, no web address: it is printed in the letters and emails sent to them); kept in complaints only.';
const ORIGIN = `Staff only: the channel it came by, ${COMPLAINT_CHANNELS.join(', ')} (telephone when not given); the public form is online-form.`;
const CASE_IDS = 'The cases the complaint is about (UUIDs, at most 20, none repeated): each one a case you may see.';
const CATEGORY =
  'The category code, e.g. `delay`, `staff-conduct`, `fees` (lower-case letters, digits and -, at most 64). A category the response templates know is named in the letter.';
const SUB_CATEGORY =
  'A finer category code for root-cause figures, e.g. `hearing-listing` (lower-case letters, digits and -, at most 64); not named in the letter.';
const SEVERITY = `${COMPLAINT_SEVERITIES.join(', ')}; minor when not given. The public form may say security-breach.`;
const INVESTIGATING_OFFICER = 'Staff only: the officer who will investigate it.';
const LANGUAGE = 'The language its letters are drafted in: en (English) or cy (Welsh); en when not given.';
const RECEIVED_AT =
  'Staff only: when it was received (ISO 8601 with an offset, not in the future); now when not given.';
const SUMMARY = "What the complaint is about, in the complainant's words.";
const CONTACT_READERS =
  "Personal data, kept in complaints only: read by staff and the complainant's own side, as the name is.";
const COMPLAINANT_EMAIL = `An email address to write to the complainant at, if they gave one. ${CONTACT_READERS}`;
const COMPLAINANT_PHONE = `A telephone number for the complainant, if they gave one: digits, spaces, brackets and dashes, with an optional leading +. ${CONTACT_READERS}`;
const COMPLAINANT_ADDRESS_LINES = `The complainant's postal address for letters, one line to an item, without the postcode (given with it in complainantPostcode): ${ADDRESS_LINES.min} to ${ADDRESS_LINES.max} lines such as the building and street, the locality and the town, each ${ADDRESS_LINES.min} to ${ADDRESS_LINES.maxLength} characters without control characters or line breaks; spaces around a line are trimmed. Letters go to it when given. ${CONTACT_READERS}`;
const COMPLAINANT_POSTCODE = `The UK postcode of the complainant's address, given with complainantAddressLines (any case, spaces or none; kept upper case without spaces). ${CONTACT_READERS}`;
const COMPLAINANT_LANGUAGE =
  "The language the complainant is written to in: en (English) or cy (Welsh). The complaint's language when not given; when both are given they must be the same, and given alone it is the complaint's language too.";

/** class-validator: the complainant's address lines, by the domain's rule (addressLinesProblem), which names the bad line. */
const IsAddressLines = () =>
  ValidateBy({
    name: 'isAddressLines',
    validator: {
      validate: (value: unknown) => addressLinesProblem(value, 'complainantAddressLines') === undefined,
      defaultMessage: (args) =>
        addressLinesProblem(args?.value, 'complainantAddressLines') ?? 'complainantAddressLines must be address lines',
    },
  });

@InputType('OpenComplaintInput', {
  description: 'A complaint: staff record one from any channel; a citizen or firm files one through the public form.',
})
export class OpenComplaintBody {
  @Field(() => String, { nullable: true, description: COMPLAINANT_TYPE })
  @ApiPropertyOptional({ enum: COMPLAINANT_TYPES, description: COMPLAINANT_TYPE })
  @IsOptional()
  @IsIn(COMPLAINANT_TYPES)
  complainantType?: ComplainantType;

  @Field({ nullable: true, description: COMPLAINANT_NAME })
  @ApiPropertyOptional({ maxLength: 200, example: 'Rhian Evans', description: COMPLAINANT_NAME })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsAddresseeName('complainantName')
  complainantName?: string;

  @Field({ nullable: true, description: COMPLAINANT_EMAIL })
  @ApiPropertyOptional({
    format: 'email',
    maxLength: 254,
    example: 'rhian.evans@example.com',
    description: COMPLAINANT_EMAIL,
  })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  complainantEmail?: string;

  @Field({ nullable: true, description: COMPLAINANT_PHONE })
  @ApiPropertyOptional({ example: '+44 29 2000 0000', pattern: PHONE.source, description: COMPLAINANT_PHONE })
  @IsOptional()
  @Matches(PHONE, { message: 'complainantPhone must be a telephone number' })
  complainantPhone?: string;

  @Field(() => [String], { nullable: true, description: COMPLAINANT_ADDRESS_LINES })
  @ApiPropertyOptional({
    type: [String],
    minItems: ADDRESS_LINES.min,
    maxItems: ADDRESS_LINES.max,
    example: ['Flat 2', '10 Heol y Frenhines', 'Caerdydd'],
    description: COMPLAINANT_ADDRESS_LINES,
  })
  @IsOptional()
  @IsAddressLines()
  complainantAddressLines?: string[];

  @Field({ nullable: true, description: COMPLAINANT_POSTCODE })
  @ApiPropertyOptional({ example: 'CF10 1AA', description: COMPLAINANT_POSTCODE })
  @IsOptional()
  @Matches(UK_POSTCODE, { message: 'complainantPostcode must be a UK postcode' })
  complainantPostcode?: string;

  @Field(() => String, { nullable: true, description: COMPLAINANT_LANGUAGE })
  @ApiPropertyOptional({ enum: ['en', 'cy'], example: 'cy', description: COMPLAINANT_LANGUAGE })
  @IsOptional()
  @IsIn(['en', 'cy'])
  complainantLanguage?: 'en' | 'cy';

  @Field(() => String, { nullable: true, description: ORIGIN })
  @ApiPropertyOptional({ enum: COMPLAINT_CHANNELS, description: ORIGIN })
  @IsOptional()
  @IsIn(COMPLAINT_CHANNELS)
  origin?: ComplaintChannel;

  @Field(() => [ID], { nullable: true, description: CASE_IDS })
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: CASE_IDS })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(20)
  caseIds?: string[];

  @Field({ description: CATEGORY })
  @ApiProperty({ example: 'delay', pattern: CODE.source, description: CATEGORY })
  @Matches(CODE, { message: `category ${CODE_MESSAGE}` })
  category!: string;

  @Field({ nullable: true, description: SUB_CATEGORY })
  @ApiPropertyOptional({ example: 'hearing-listing', pattern: CODE.source, description: SUB_CATEGORY })
  @IsOptional()
  @Matches(CODE, { message: `subCategory ${CODE_MESSAGE}` })
  subCategory?: string;

  @Field(() => String, { nullable: true, description: SEVERITY })
  @ApiPropertyOptional({ enum: COMPLAINT_SEVERITIES, description: SEVERITY })
  @IsOptional()
  @IsIn(COMPLAINT_SEVERITIES)
  severity?: ComplaintSeverity;

  @Field({ nullable: true, description: INVESTIGATING_OFFICER })
  @ApiPropertyOptional({ description: INVESTIGATING_OFFICER })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  investigatingOfficer?: string;

  @Field(() => String, { nullable: true, description: LANGUAGE })
  @ApiPropertyOptional({ enum: ['en', 'cy'], description: LANGUAGE })
  @IsOptional()
  @IsIn(['en', 'cy'])
  language?: 'en' | 'cy';

  @Field({ nullable: true, description: RECEIVED_AT })
  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-30T09:15:00Z', description: RECEIVED_AT })
  @IsOptional()
  @IsInstant()
  receivedAt?: string;

  @Field({ nullable: true, description: SUMMARY })
  @ApiPropertyOptional({
    maxLength: 5000,
    example: 'My hearing was moved twice without any notice, and nobody has answered my emails since October.',
    description: SUMMARY,
  })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  summary?: string;
}

const NEW_INVESTIGATING_OFFICER = 'The investigating officer, when it changes; the one recorded stays when not given.';

@InputType('StartComplaintInvestigationInput', { description: 'Starts the investigation of the current stage.' })
export class StartInvestigationBody {
  @Field({ nullable: true, description: NEW_INVESTIGATING_OFFICER })
  @ApiPropertyOptional({ description: NEW_INVESTIGATING_OFFICER })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  investigatingOfficer?: string;
}

const TEMPLATE_ID =
  'The template of the current stage: stage-1-response, stage-2-senior-review or stage-3-appeal-response. Give templateId or text, not both.';
const FINDINGS =
  "With templateId only: the investigation's findings, put into the template (a marker for them to be written when not given).";
const DRAFT_TEXT = 'The whole draft, written from scratch instead of from a template.';

@InputType('DraftComplaintResponseInput', {
  description:
    "A response draft: from a template in the complainant's language (with the findings), or written from scratch.",
})
export class DraftResponseBody {
  @Field({ nullable: true, description: TEMPLATE_ID })
  @ApiPropertyOptional({ example: 'stage-1-response', description: TEMPLATE_ID })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  templateId?: string;

  @Field({ nullable: true, description: FINDINGS })
  @ApiPropertyOptional({
    maxLength: 10_000,
    example:
      'Your hearing on 3 November was moved because the judge was unwell, but we did not tell you in time. We are sorry for that.',
    description: FINDINGS,
  })
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  findings?: string;

  @Field({ nullable: true, description: DRAFT_TEXT })
  @ApiPropertyOptional({ maxLength: MAX_TEXT, description: DRAFT_TEXT })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TEXT)
  text?: string;
}

const SEND_OUTCOME = `The stage outcome: ${OUTCOMES.join(', ')}.`;
const SEND_TEXT = "The reviewer's final wording; the draft when not given.";

@InputType('SendComplaintResponseInput', {
  description: 'Sends the reviewed response with the stage outcome. A Tier 1+ response is sent by a team leader.',
})
export class SendResponseBody {
  @Field(() => String, { description: SEND_OUTCOME })
  @ApiProperty({ enum: OUTCOMES, description: SEND_OUTCOME })
  @IsIn(OUTCOMES)
  outcome!: Outcome;

  @Field({ nullable: true, description: SEND_TEXT })
  @ApiPropertyOptional({ maxLength: MAX_TEXT, description: SEND_TEXT })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TEXT)
  text?: string;
}

const REMEDY_KIND = `${REMEDY_KINDS.join(', ')}. A refund, consolatory payment or fee waiver is handed to payments.`;
const AMOUNT_PENCE = 'Financial remedies only, and required for them: the amount in pence (25000 is £250.00).';
const REMEDY_CASE_ID =
  "The case the remedy is against: one of the complaint's cases. Required for a refund or fee waiver, which are paid against the case.";
const FEE_CODE = 'Fee waivers only, and required for them: the fee code waived, e.g. FEE0202.';
const REMEDY_DESCRIPTION =
  'What the apology, explanation or corrective action is (required for those kinds); an optional note for a financial remedy.';

@InputType('AgreeComplaintRemedyInput', {
  description: 'A remedy, after an upheld or partially upheld outcome; financial ones are handed to payments.',
})
export class AgreeRemedyBody {
  @Field(() => String, { description: REMEDY_KIND })
  @ApiProperty({ enum: REMEDY_KINDS, description: REMEDY_KIND })
  @IsIn(REMEDY_KINDS)
  kind!: RemedyKind;

  @Field(() => Int, { nullable: true, description: AMOUNT_PENCE })
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PENCE, description: AMOUNT_PENCE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;

  @Field(() => ID, { nullable: true, description: REMEDY_CASE_ID })
  @ApiPropertyOptional({ format: 'uuid', description: REMEDY_CASE_ID })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @Field({ nullable: true, description: FEE_CODE })
  @ApiPropertyOptional({ example: 'FEE0202', description: FEE_CODE })
  @IsOptional()
  @Matches(/^FEE\d{4}$/, { message: 'feeCode must be a fee code such as FEE0202' })
  feeCode?: string;

  @Field({ nullable: true, description: REMEDY_DESCRIPTION })
  @ApiPropertyOptional({ maxLength: 5000, description: REMEDY_DESCRIPTION })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  description?: string;
}

const AWARE_AT =
  'When the service became aware of the breach (ISO 8601 with an offset, not in the future); now when not given. The 72-hour regulator clock starts here.';

@InputType('FlagComplaintDataBreachInput', { description: 'Flags a complaint as a personal-data breach.' })
export class FlagBreachBody {
  @Field({ nullable: true, description: AWARE_AT })
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T14:30:00Z', description: AWARE_AT })
  @IsOptional()
  @IsInstant()
  awareAt?: string;
}

const REPORTABLE = 'Whether the breach must be reported to the regulator (within 72 hours of awareness).';
const DECISION_REASON = 'Why it is or is not reportable (at most 2000 characters), kept with the decision.';

@InputType('ComplaintDataBreachDecisionInput', { description: 'Whether the breach must be reported to the regulator.' })
export class BreachDecisionBody {
  @Field({ description: REPORTABLE }) @ApiProperty({ description: REPORTABLE }) @IsBoolean() reportable!: boolean;
  @Field({ description: DECISION_REASON })
  @ApiProperty({
    maxLength: 2000,
    example:
      "The claimant's address was sent to the other party in a hearing bundle; the claimant has a non-molestation order against them, so the risk to the claimant is high.",
    description: DECISION_REASON,
  })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

const BUSINESS_AREA =
  'The business area the root cause is fed back to, e.g. `civil-listing`, `fees-office` (lower-case letters, digits and -, at most 64).';
const CAUSE_CATEGORY =
  'What went wrong, e.g. `process-failure`, `communication`, `system-error` (lower-case letters, digits and -, at most 64).';

@InputType('CloseComplaintInput', {
  description: 'Closes an answered complaint with its root cause, which is fed back to the business area.',
})
export class CloseComplaintBody {
  @Field({ description: BUSINESS_AREA })
  @ApiProperty({ example: 'civil-listing', pattern: CODE.source, description: BUSINESS_AREA })
  @Matches(CODE, { message: `businessArea ${CODE_MESSAGE}` })
  businessArea!: string;

  @Field({ description: CAUSE_CATEGORY })
  @ApiProperty({ example: 'process-failure', pattern: CODE.source, description: CAUSE_CATEGORY })
  @Matches(CODE, { message: `causeCategory ${CODE_MESSAGE}` })
  causeCategory!: string;
}

const OMBUDSMAN_REFERENCE = "The Ombudsman's own reference for the complaint (at most 64 characters), e.g. PHSO-12345.";

@InputType('ComplaintOmbudsmanReferralInput', { description: 'The Ombudsman took the complaint on after stage 3.' })
export class OmbudsmanReferralBody {
  @Field({ description: OMBUDSMAN_REFERENCE })
  @ApiProperty({ example: 'PHSO-12345', description: OMBUDSMAN_REFERENCE })
  @IsString()
  @Length(1, 64)
  ombudsmanReference!: string;
}

const OMBUDSMAN_ENQUIRY_TEXT = 'What the Ombudsman asked (at most 5000 characters).';

@InputType('ComplaintOmbudsmanEnquiryInput', { description: 'An enquiry the Ombudsman made.' })
export class OmbudsmanEnquiryBody {
  @Field({ description: OMBUDSMAN_ENQUIRY_TEXT })
  @ApiProperty({ maxLength: 5000, example: OMBUDSMAN_ENQUIRY_EXAMPLE, description: OMBUDSMAN_ENQUIRY_TEXT })
  @IsString()
  @Length(1, 5000)
  text!: string;
}

const OMBUDSMAN_ANSWER_TEXT = `What was sent to the Ombudsman (at most ${MAX_TEXT} characters); it answers every enquiry still waiting for an answer.`;

@InputType('ComplaintOmbudsmanAnswerInput', { description: "The answer to the Ombudsman's enquiries." })
export class OmbudsmanAnswerBody {
  @Field({ description: OMBUDSMAN_ANSWER_TEXT })
  @ApiProperty({ maxLength: MAX_TEXT, example: OMBUDSMAN_ANSWER_EXAMPLE, description: OMBUDSMAN_ANSWER_TEXT })
  @IsString()
  @Length(1, MAX_TEXT)
  text!: string;
}

const OMBUDSMAN_OUTCOME = `The Ombudsman's outcome: ${OUTCOMES.join(', ')}.`;

@InputType('ComplaintOmbudsmanOutcomeInput', { description: "The Ombudsman's outcome." })
export class OmbudsmanOutcomeBody {
  @Field(() => String, { description: OMBUDSMAN_OUTCOME })
  @ApiProperty({ enum: OUTCOMES, description: OMBUDSMAN_OUTCOME })
  @IsIn(OUTCOMES)
  outcome!: Outcome;
}

export function openCommand(body: OpenComplaintBody): OpenComplaintCommand {
  const { receivedAt, ...rest } = defined(body);
  const at = optionalInstant(receivedAt, 'receivedAt');
  return { ...rest, ...(at ? { receivedAt: at } : {}) };
}

/** Not given means "now" to the rules; given but not an instant is refused, never read as now. */
export function optionalInstant(value: string | null | undefined, field = 'awareAt'): Date | undefined {
  if (value == null) return undefined;
  const instant = parseInstant(value);
  if (!instant)
    throw new BadUserInputError('The request has invalid fields', [
      { field, message: `${field} must be a date and time with an offset` },
    ]);
  return instant;
}

/** GraphQL passes an explicit null for a nullable field; to the rules it means "not given". */
export function defined<T extends object>(body: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v != null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
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
import { BadUserInputError, IsInstant, MAX_PENCE, parseInstant } from '@ccsc/platform';

// One set of input classes serves REST bodies, GraphQL inputs (with the complaint id as its own
// argument) and OpenAPI. Vocabularies are strings, not GraphQL enums, because their values contain hyphens.

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CODE_MESSAGE = 'must be a lower-case code: letters, digits and - (at most 64)';

@InputType('OpenComplaintInput', {
  description: 'A complaint: staff record one from any channel; a citizen or firm files one through the public form.',
})
export class OpenComplaintBody {
  @Field(() => String, {
    nullable: true,
    description: `Staff only: ${COMPLAINANT_TYPES.join(', ')}; the public form takes it from the caller.`,
  })
  @ApiPropertyOptional({ enum: COMPLAINANT_TYPES })
  @IsOptional()
  @IsIn(COMPLAINANT_TYPES)
  complainantType?: ComplainantType;

  @Field({ nullable: true, description: 'The complainant as they gave their name; kept in complaints only.' })
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  complainantName?: string;

  @Field(() => String, { nullable: true, description: `Staff only: ${COMPLAINT_CHANNELS.join(', ')}.` })
  @ApiPropertyOptional({ enum: COMPLAINT_CHANNELS })
  @IsOptional()
  @IsIn(COMPLAINT_CHANNELS)
  origin?: ComplaintChannel;

  @Field(() => [ID], { nullable: true, description: 'The cases the complaint is about.' })
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(20)
  caseIds?: string[];

  @Field({ description: 'e.g. `delay`, `staff-conduct`, `fees`.' })
  @ApiProperty({ example: 'delay', pattern: CODE.source })
  @Matches(CODE, { message: `category ${CODE_MESSAGE}` })
  category!: string;

  @Field({ nullable: true })
  @ApiPropertyOptional({ example: 'hearing-listing', pattern: CODE.source })
  @IsOptional()
  @Matches(CODE, { message: `subCategory ${CODE_MESSAGE}` })
  subCategory?: string;

  @Field(() => String, {
    nullable: true,
    description: `${COMPLAINT_SEVERITIES.join(', ')}; minor when not given. The public form may say security-breach.`,
  })
  @ApiPropertyOptional({ enum: COMPLAINT_SEVERITIES })
  @IsOptional()
  @IsIn(COMPLAINT_SEVERITIES)
  severity?: ComplaintSeverity;

  @Field({ nullable: true, description: 'Staff only.' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 255)
  investigatingOfficer?: string;

  @Field(() => String, { nullable: true, description: 'en or cy.' })
  @ApiPropertyOptional({ enum: ['en', 'cy'] })
  @IsOptional()
  @IsIn(['en', 'cy'])
  language?: 'en' | 'cy';

  @Field({
    nullable: true,
    description: 'Staff only: when it was received (ISO 8601 with an offset); now when not given.',
  })
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  receivedAt?: string;

  @Field({ nullable: true, description: "What the complaint is about, in the complainant's words." })
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  summary?: string;
}

@InputType('StartComplaintInvestigationInput', { description: 'Starts the investigation of the current stage.' })
export class StartInvestigationBody {
  @Field({ nullable: true, description: 'The investigating officer, when it changes.' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 255)
  investigatingOfficer?: string;
}

@InputType('DraftComplaintResponseInput', {
  description: 'A response draft: from a template (with the findings) or written from scratch.',
})
export class DraftResponseBody {
  @Field({ nullable: true, description: 'stage-1-response, stage-2-senior-review or stage-3-appeal-response.' })
  @ApiPropertyOptional({ example: 'stage-1-response' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  templateId?: string;

  @Field({ nullable: true, description: 'The findings put into the template.' })
  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  findings?: string;

  @Field({ nullable: true, description: 'The whole draft, instead of a template.' })
  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TEXT)
  text?: string;
}

@InputType('SendComplaintResponseInput', { description: 'Sends the reviewed response with the stage outcome.' })
export class SendResponseBody {
  @Field(() => String, { description: OUTCOMES.join(', ') })
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome!: Outcome;

  @Field({ nullable: true, description: "The reviewer's final wording; the draft when not given." })
  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TEXT)
  text?: string;
}

@InputType('AgreeComplaintRemedyInput', { description: 'A remedy; financial ones are handed to payments.' })
export class AgreeRemedyBody {
  @Field(() => String, { description: REMEDY_KINDS.join(', ') })
  @ApiProperty({ enum: REMEDY_KINDS })
  @IsIn(REMEDY_KINDS)
  kind!: RemedyKind;

  @Field(() => Int, { nullable: true, description: 'Financial remedies: the amount in pence.' })
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PENCE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;

  @Field(() => ID, {
    nullable: true,
    description: "The case a refund or fee waiver is against: one of the complaint's cases.",
  })
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @Field({ nullable: true, description: 'Fee waivers: the fee code, e.g. FEE0202.' })
  @ApiPropertyOptional({ example: 'FEE0202' })
  @IsOptional()
  @Matches(/^FEE\d{4}$/, { message: 'feeCode must be a fee code such as FEE0202' })
  feeCode?: string;

  @Field({ nullable: true, description: 'What the apology, explanation or corrective action is.' })
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  description?: string;
}

@InputType('FlagComplaintDataBreachInput', { description: 'Flags a complaint as a personal-data breach.' })
export class FlagBreachBody {
  @Field({
    nullable: true,
    description: 'When the service became aware (ISO 8601 with an offset); now when not given.',
  })
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  awareAt?: string;
}

@InputType('ComplaintDataBreachDecisionInput', { description: 'Whether the breach must be reported to the regulator.' })
export class BreachDecisionBody {
  @Field() @ApiProperty() @IsBoolean() reportable!: boolean;
  @Field() @ApiProperty({ maxLength: 2000 }) @IsString() @Length(1, 2000) reason!: string;
}

@InputType('CloseComplaintInput', {
  description: 'Closes an answered complaint with its root cause, which is fed back to the business area.',
})
export class CloseComplaintBody {
  @Field({ description: 'e.g. `civil-listing`, `fees-office`.' })
  @ApiProperty({ example: 'civil-listing', pattern: CODE.source })
  @Matches(CODE, { message: `businessArea ${CODE_MESSAGE}` })
  businessArea!: string;

  @Field({ description: 'e.g. `process-failure`, `communication`, `system-error`.' })
  @ApiProperty({ example: 'process-failure', pattern: CODE.source })
  @Matches(CODE, { message: `causeCategory ${CODE_MESSAGE}` })
  causeCategory!: string;
}

@InputType('ComplaintOmbudsmanReferralInput', { description: 'The Ombudsman took the complaint on after stage 3.' })
export class OmbudsmanReferralBody {
  @Field() @ApiProperty({ example: 'PHSO-12345' }) @IsString() @Length(1, 64) ombudsmanReference!: string;
}

@InputType('ComplaintOmbudsmanEnquiryInput', { description: 'An enquiry the Ombudsman made.' })
export class OmbudsmanEnquiryBody {
  @Field() @ApiProperty({ maxLength: 5000 }) @IsString() @Length(1, 5000) text!: string;
}

@InputType('ComplaintOmbudsmanOutcomeInput', { description: "The Ombudsman's outcome." })
export class OmbudsmanOutcomeBody {
  @Field(() => String, { description: OUTCOMES.join(', ') })
  @ApiProperty({ enum: OUTCOMES })
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

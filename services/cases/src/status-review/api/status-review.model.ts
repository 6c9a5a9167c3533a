import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ObjectType } from '../../cases.graphql';
import { REPRESENTATION_MAKERS } from '../domain/minded-to-notice';
import { STAKEHOLDER_KINDS } from '../domain/referral';
import { CASE_ID, USER_ID, USER_ID_EXAMPLE, UTC_INSTANT } from '../../api-descriptions';

const REFERRAL_ID = "The referral's id (UUID).";
const STAKEHOLDER_KIND =
  'Who referred the person: `other-department` (another government department), `police`, `law-enforcement` (another law-enforcement agency) or `internal-team` (a team of our own).';
const STAKEHOLDER_NAME = 'The stakeholder by name.';
const CONTACT_REFERENCE = "The stakeholder's own reference or contact for the referral; null when none was given.";
const CONCERNS =
  'What the stakeholder is concerned about: leave obtained by deception, a person who no longer qualifies...';
const REFERRAL_RECORDED_BY = `The caseworker who recorded it: ${USER_ID}.`;
const REFERRAL_RECORDED_AT = `When it was recorded. ${UTC_INSTANT}`;

@ObjectType('StatusReviewReferral', {
  description:
    "Who referred the person for review, and their concerns; never edited (a further concern is a further referral). Only the review's caseworkers read referrals.",
})
export class ReferralModel {
  @Field(() => ID, { description: REFERRAL_ID }) @ApiProperty({ format: 'uuid', description: REFERRAL_ID }) id!: string;
  /** Over REST only: GraphQL reaches it from its case. */
  @ApiProperty({ format: 'uuid', description: CASE_ID })
  caseId!: string;
  @Field({ description: STAKEHOLDER_KIND })
  @ApiProperty({ enum: STAKEHOLDER_KINDS, description: STAKEHOLDER_KIND })
  stakeholderKind!: string;
  @Field({ description: STAKEHOLDER_NAME })
  @ApiProperty({ example: 'Department for Work and Pensions', description: STAKEHOLDER_NAME })
  stakeholderName!: string;
  @Field({ nullable: true, description: CONTACT_REFERENCE })
  @ApiPropertyOptional({ example: 'DWP-FR-2026-0042', description: CONTACT_REFERENCE })
  contactReference?: string;
  @Field({ description: CONCERNS })
  @ApiProperty({ example: 'Leave to remain obtained by a false declaration of employment.', description: CONCERNS })
  concerns!: string;
  @Field({ description: REFERRAL_RECORDED_BY })
  @ApiProperty({ example: USER_ID_EXAMPLE, description: REFERRAL_RECORDED_BY })
  recordedBy!: string;
  @Field({ description: REFERRAL_RECORDED_AT })
  @ApiProperty({ description: REFERRAL_RECORDED_AT })
  recordedAt!: Date;
}

const REPRESENTATIONS_ID = "The representations' id (UUID).";
const RECEIVED_ON = 'The day they were received (London), YYYY-MM-DD.';
const MADE_BY = '`subject` (the person under review) or `representative`.';
const SUMMARY = 'What they say, as the decision must weigh it.';
const LATE = 'Received after the day they were due by; still weighed.';
const REPRESENTATIONS_RECORDED_BY = `The officer who recorded them: ${USER_ID}. Staff only; null for anyone else.`;
const REPRESENTATIONS_RECORDED_AT = `When they were recorded. ${UTC_INSTANT}`;

@ObjectType('MindedToNoticeRepresentations', { description: 'Representations received on a minded-to notice.' })
export class RepresentationsModel {
  @Field(() => ID, { description: REPRESENTATIONS_ID })
  @ApiProperty({ format: 'uuid', description: REPRESENTATIONS_ID })
  id!: string;
  /** Over REST only: GraphQL reaches it from its case. */
  @ApiProperty({ format: 'uuid', description: CASE_ID })
  caseId!: string;
  @ApiProperty({ format: 'uuid', description: 'The minded-to notice they answer (UUID).' })
  noticeId!: string;
  @Field({ description: RECEIVED_ON })
  @ApiProperty({ example: '2026-12-14', description: RECEIVED_ON })
  receivedOn!: string;
  @Field({ description: MADE_BY })
  @ApiProperty({ enum: REPRESENTATION_MAKERS, description: MADE_BY })
  madeBy!: string;
  @Field({ description: SUMMARY })
  @ApiProperty({
    example: 'Mr Doe says he worked for the employer through an agency, and encloses his payslips.',
    description: SUMMARY,
  })
  summary!: string;
  @Field({ description: LATE }) @ApiProperty({ example: false, description: LATE }) late!: boolean;
  @Field({ nullable: true, description: REPRESENTATIONS_RECORDED_BY })
  @ApiPropertyOptional({ example: USER_ID_EXAMPLE, description: REPRESENTATIONS_RECORDED_BY })
  recordedBy?: string;
  @Field({ description: REPRESENTATIONS_RECORDED_AT })
  @ApiProperty({ example: '2026-12-14T15:20:00.000Z', description: REPRESENTATIONS_RECORDED_AT })
  recordedAt!: Date;
}

const NOTICE_ID = "The notice's id (UUID).";
const PROPOSED_OUTCOME = 'The outcome the caseworker is minded to decide, e.g. "Revoke indefinite leave to remain".';
const GROUNDS = 'The grounds, as the person is told them: the concerns the evidence bears out.';
const DUE_ON = 'The last day for representations (London), YYYY-MM-DD, counted in working days from the issue.';
const CALENDAR_VERSION = 'The version of the working-day calendar that counted it.';
const ISSUED_BY = `The caseworker who issued it: ${USER_ID}. Staff only; null for anyone else.`;
const ISSUED_AT = `When it was issued: the time for representations runs from then. ${UTC_INSTANT}`;

@ObjectType('MindedToNotice', {
  description:
    'What the caseworker is minded to decide and why, and until when the person may make representations. One per case, never edited; whoever may see the case reads it.',
})
export class MindedToNoticeModel {
  @Field(() => ID, { description: NOTICE_ID }) @ApiProperty({ format: 'uuid', description: NOTICE_ID }) id!: string;
  /** Over REST only: GraphQL reaches it from its case. */
  @ApiProperty({ format: 'uuid', description: CASE_ID })
  caseId!: string;
  @Field({ description: PROPOSED_OUTCOME })
  @ApiProperty({ example: 'Revoke indefinite leave to remain', description: PROPOSED_OUTCOME })
  proposedOutcome!: string;
  @Field({ description: GROUNDS })
  @ApiProperty({
    example:
      'The Home Office has evidence that the employment declared in your application of 3 March 2024 did not exist.',
    description: GROUNDS,
  })
  grounds!: string;
  @Field({ description: DUE_ON })
  @ApiProperty({ example: '2026-12-15', description: DUE_ON })
  representationsDueOn!: string;
  @Field({ description: CALENDAR_VERSION })
  @ApiProperty({ example: 'ew-rules-1+govuk-2018-2027-d74ae29e', description: CALENDAR_VERSION })
  calendarVersion!: string;
  @Field({ nullable: true, description: ISSUED_BY })
  @ApiPropertyOptional({ example: USER_ID_EXAMPLE, description: ISSUED_BY })
  issuedBy?: string;
  @Field({ description: ISSUED_AT })
  @ApiProperty({ example: '2026-12-01T10:00:00.000Z', description: ISSUED_AT })
  issuedAt!: Date;
  @Field(() => [RepresentationsModel], { description: 'In the order received.' })
  @ApiProperty({ type: [RepresentationsModel], description: 'In the order received; empty until some are recorded.' })
  representations!: RepresentationsModel[];
}

import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
} from 'class-validator';
import { defineEvent } from '../event-type';

// Events the complaints service publishes. The complainant's details stay in complaints.

export const COMPLAINT_SEVERITIES = ['minor', 'major', 'security-breach', 'tier-1-plus'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export class ComplaintOpenedV1 {
  @IsUUID() complaintId!: string;
  @IsString() @Length(1, 32) reference!: string;
  @IsIn(COMPLAINT_SEVERITIES) severity!: ComplaintSeverity;
  @IsArray() @IsUUID('all', { each: true }) caseIds!: string[];
  @IsOptional() @IsUUID() enquiryId?: string;
  @IsDateString() receivedAt!: string;
}
export const complaintOpenedV1 = defineEvent('complaints', 'complaint-opened', 1, ComplaintOpenedV1);

/** A complaint moved to a stage (1, 2, 3) or was answered at one; `caseIds` so each case's timeline shows it. */
export class ComplaintStageChangedV1 {
  @IsUUID() complaintId!: string;
  @IsInt() @Min(1) stage!: number;
  @IsString() @Length(1, 32) status!: string;
  @IsOptional() @IsIn(['upheld', 'partially-upheld', 'not-upheld']) outcome?: string;
  @IsOptional() @IsDateString() dueAt?: string;
  @IsArray() @IsUUID('all', { each: true }) caseIds!: string[];
}
export const complaintStageChangedV1 = defineEvent('complaints', 'complaint-stage-changed', 1, ComplaintStageChangedV1);

export class ComplaintStageBreachedV1 {
  @IsUUID() complaintId!: string;
  @IsInt() @Min(1) stage!: number;
  @IsDateString() dueAt!: string;
  @IsArray() @IsUUID('all', { each: true }) caseIds!: string[];
}
export const complaintStageBreachedV1 = defineEvent(
  'complaints',
  'complaint-stage-breached',
  1,
  ComplaintStageBreachedV1,
);

export const FINANCIAL_REMEDY_KINDS = ['refund', 'consolatory-payment', 'fee-waiver'] as const;
export type FinancialRemedyKind = (typeof FINANCIAL_REMEDY_KINDS)[number];

/** A financial remedy was agreed: payments raises the refund, payment or fee waiver, each awaiting a second person's approval. */
export class FinancialRemedyAgreedV1 {
  @IsUUID() complaintId!: string;
  @IsUUID() remedyId!: string;
  @IsIn(FINANCIAL_REMEDY_KINDS) kind!: FinancialRemedyKind;
  @IsInt() @Min(1) amountPence!: number;
  @IsOptional() @IsUUID() caseId?: string;
  /** For a fee waiver: the fee on the case's service request it waives. */
  @IsOptional() @IsString() @Length(1, 16) feeCode?: string;
  /**
   * The subject of the officer who agreed the remedy: payments records them as its proposer, so a
   * second person must approve it. Optional for events published before it was added.
   */
  @IsOptional() @IsString() @Length(1, 255) agreedBy?: string;
}
export const financialRemedyAgreedV1 = defineEvent('complaints', 'financial-remedy-agreed', 1, FinancialRemedyAgreedV1);

/**
 * V1 with the cases the complaint names: an approval counts on each of them, so consolatory payments agreed on
 * several complaints about one case are not approved in slices. Published since 2026-12-07; payments takes both.
 */
export class FinancialRemedyAgreedV2 extends FinancialRemedyAgreedV1 {
  @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) complaintCaseIds!: string[];
}
export const financialRemedyAgreedV2 = defineEvent('complaints', 'financial-remedy-agreed', 2, FinancialRemedyAgreedV2);

/** A security-breach complaint: information assurance is told once, with the regulator's 72-hour deadline. */
export class PersonalDataBreachFlaggedV1 {
  @IsUUID() complaintId!: string;
  @IsDateString() awareAt!: string;
  @IsDateString() regulatorDeadline!: string;
}
export const personalDataBreachFlaggedV1 = defineEvent(
  'complaints',
  'personal-data-breach-flagged',
  1,
  PersonalDataBreachFlaggedV1,
);

/** Closed with its root cause, fed back to the business area. */
export class ComplaintClosedV1 {
  @IsUUID() complaintId!: string;
  @IsString() @Length(1, 64) businessArea!: string;
  @IsString() @Length(1, 64) causeCategory!: string;
  @IsIn(['upheld', 'partially-upheld', 'not-upheld']) outcome!: string;
  @IsArray() @IsUUID('all', { each: true }) caseIds!: string[];
}
export const complaintClosedV1 = defineEvent('complaints', 'complaint-closed', 1, ComplaintClosedV1);

/**
 * The Parliamentary and Health Service Ombudsman, considering a complaint referred to it after stage 3, made an
 * enquiry about it (what it asked stays in complaints), and an officer recorded it. The work queue (queries) opens
 * a task to answer it. `dueAt` is when the answer is due; complaints keeps no due date for an enquiry yet, so it is
 * absent for now.
 */
export class OmbudsmanEnquiryReceivedV1 {
  @IsUUID() complaintId!: string;
  @IsArray() @IsUUID('all', { each: true }) caseIds!: string[];
  @IsOptional() @IsDateString() dueAt?: string;
}
export const ombudsmanEnquiryReceivedV1 = defineEvent(
  'complaints',
  'ombudsman-enquiry-received',
  1,
  OmbudsmanEnquiryReceivedV1,
);

/**
 * An officer answered the Ombudsman's enquiries about a complaint: every enquiry recorded on its referral that was
 * waiting for an answer (what was asked and answered stays in complaints). The work queue (queries) completes the
 * tasks it opened from `complaints.ombudsman-enquiry-received.v1` for the complaint.
 */
export class OmbudsmanEnquiryAnsweredV1 {
  @IsUUID() complaintId!: string;
  @IsArray() @IsUUID('all', { each: true }) caseIds!: string[];
}
export const ombudsmanEnquiryAnsweredV1 = defineEvent(
  'complaints',
  'ombudsman-enquiry-answered',
  1,
  OmbudsmanEnquiryAnsweredV1,
);

/**
 * The Ombudsman gave its outcome on a complaint referred to it after stage 3, and an officer recorded it; its
 * consideration ends there, so no enquiry is recorded or answered after it. `caseIds` so each case's timeline may show it.
 */
export class OmbudsmanOutcomeRecordedV1 {
  @IsUUID() complaintId!: string;
  @IsArray() @IsUUID('all', { each: true }) caseIds!: string[];
  @IsIn(['upheld', 'partially-upheld', 'not-upheld']) outcome!: string;
}
export const ombudsmanOutcomeRecordedV1 = defineEvent(
  'complaints',
  'ombudsman-outcome-recorded',
  1,
  OmbudsmanOutcomeRecordedV1,
);

import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-type';

// Events the cases service publishes. They carry identifiers and states, not personal data.

export class CaseCreatedV1 {
  @IsUUID() caseId!: string;
  @Matches(/^\d{16}$/) reference!: string;
  @IsString() @Length(1, 64) caseType!: string;
  @IsString() @Length(1, 64) state!: string;
}
export const caseCreatedV1 = defineEvent('cases', 'case-created', 1, CaseCreatedV1);

export class CaseStateChangedV1 {
  @IsUUID() caseId!: string;
  @Matches(/^\d{16}$/) reference!: string;
  @IsString() @Length(1, 64) event!: string;
  @IsString() @Length(1, 64) from!: string;
  @IsString() @Length(1, 64) to!: string;
  /** Fee codes the event made due (payments adds them to the case's service request). */
  @IsOptional() @IsArray() @Matches(/^FEE\d{4}$/, { each: true }) feesDue?: string[];
}
export const caseStateChangedV1 = defineEvent('cases', 'case-state-changed', 1, CaseStateChangedV1);

export class PartyAddedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() partyId!: string;
  @IsString() @Length(1, 32) role!: string;
}
export const partyAddedV1 = defineEvent('cases', 'party-added', 1, PartyAddedV1);

/** Names the changed fields only: the values are personal data and stay in the cases service. */
export class PartyUpdatedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() partyId!: string;
  @IsArray()
  @IsIn(
    [
      'name',
      'email',
      'phone',
      'postcode',
      'address',
      'preferredLanguage',
      'reasonableAdjustments',
      'vulnerabilityFlags',
    ],
    { each: true },
  )
  fields!: string[];
}
export const partyUpdatedV1 = defineEvent('cases', 'party-updated', 1, PartyUpdatedV1);

/**
 * Staff matched a party with a party of another case as one person or organisation (`identityId`, shared by all
 * the parties matched so), or took a mistaken match back (no `identityId`). Ids only.
 */
export class PartyIdentityChangedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() partyId!: string;
  @IsOptional() @IsUUID() identityId?: string;
}
export const partyIdentityChangedV1 = defineEvent('cases', 'party-identity-changed', 1, PartyIdentityChangedV1);

export class RepresentationChangedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() partyId!: string;
  @IsOptional() @IsString() @Length(1, 64) from?: string;
  @IsOptional() @IsString() @Length(1, 64) to?: string;
}
export const representationChangedV1 = defineEvent('cases', 'representation-changed', 1, RepresentationChangedV1);

export const IMPOSITION_KINDS = [
  'fine',
  'compensation',
  'costs',
  'victim-surcharge',
  'criminal-courts-charge',
] as const;
export type ImpositionKind = (typeof IMPOSITION_KINDS)[number];

/** A financial penalty a court imposed: integer pence, and who the money is owed to. */
export class ImpositionV1 {
  @IsIn(IMPOSITION_KINDS) kind!: ImpositionKind;
  @IsInt() @Min(1) amountPence!: number;
  /** `central-funds`, the prosecutor's id, or the id of the party compensation is paid to. */
  @IsString() @Length(1, 64) creditor!: string;
}

/** A case resulted in court; enforcement opens a fine account when it carries impositions. */
export class CaseResultedV1 {
  @IsUUID() caseId!: string;
  @Matches(/^\d{16}$/) reference!: string;
  @IsUUID() resultId!: string;
  @IsUUID() defendantPartyId!: string;
  @IsString() @Length(1, 200) outcome!: string;
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ImpositionV1)
  impositions!: ImpositionV1[];
  @IsDateString() resultedAt!: string;
}
/** v1 of a case resulted; nothing publishes it any more (v2 adds the court), but it is still read. */
export const caseResultedV1 = defineEvent('cases', 'case-resulted', 1, CaseResultedV1);

/** v2 adds the court that imposed the penalties: the venue of the latest hearing that sat, when the case had one. */
export class CaseResultedV2 extends CaseResultedV1 {
  @IsOptional() @IsString() @Length(1, 200) court?: string;
}
export const caseResultedV2 = defineEvent('cases', 'case-resulted', 2, CaseResultedV2);

/** v1 of a document received; nothing publishes it any more (v2 adds the language and the case type). */
export class DocumentReceivedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() documentId!: string;
  @IsString() @Length(1, 64) documentType!: string;
  @IsIn(['online', 'bulk-scan', 'email', 'post']) channel!: string;
  @IsIn(['accepted', 'pending-review']) status!: string;
}
export const documentReceivedV1 = defineEvent('cases', 'document-received', 1, DocumentReceivedV1);

/** A document was received on a case: v1's fields, and the document's language and the case's type. */
export class DocumentReceivedV2 extends DocumentReceivedV1 {
  /**
   * The language the document is written in, English or Welsh: the work queue (queries) gives the task of
   * reviewing it to someone with that language skill, e.g. a Welsh document to a Welsh-speaking officer.
   */
  @IsIn(['en', 'cy']) language!: 'en' | 'cy';
  /**
   * The case's type code as cases knows it (e.g. `probate`, as in `cases.case-created.v1`): the work queue
   * routes the review task to the officers of that kind of case.
   */
  @IsString() @Length(1, 64) caseType!: string;
}
export const documentReceivedV2 = defineEvent('cases', 'document-received', 2, DocumentReceivedV2);

export class DocumentReviewedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() documentId!: string;
  @IsIn(['accepted', 'rejected']) decision!: string;
}
export const documentReviewedV1 = defineEvent('cases', 'document-reviewed', 1, DocumentReviewedV1);

export class AssistedDigitalReferralChangedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() referralId!: string;
  @IsIn(['referred', 'accepted', 'completed', 'declined']) status!: string;
}
export const assistedDigitalReferralChangedV1 = defineEvent(
  'cases',
  'assisted-digital-referral-changed',
  1,
  AssistedDigitalReferralChangedV1,
);

/** A decision was recorded; when it corrects an earlier one, `supersedes` names it. */
export class DecisionRecordedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() decisionId!: string;
  @IsString() @Length(1, 200) outcome!: string;
  @IsOptional() @IsUUID() supersedes?: string;
}
export const decisionRecordedV1 = defineEvent('cases', 'decision-recorded', 1, DecisionRecordedV1);

/**
 * A second person checked a decision before anything was served on its basis: `approved`, or `returned` for the
 * decision maker to correct (by a superseding decision). The checker's comments stay in the cases service.
 */
export class DecisionCheckedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() decisionId!: string;
  @IsIn(['approved', 'returned']) outcome!: string;
}
export const decisionCheckedV1 = defineEvent('cases', 'decision-checked', 1, DecisionCheckedV1);

/**
 * The claimant's claim amount on a money claim, recorded when the claim was opened: payments prices the
 * claim's ranged fees by it (instead of at their minimum) and reprices one already charged at its minimum.
 */
export class ClaimAmountRecordedV1 {
  @IsUUID() caseId!: string;
  @IsInt() @Min(1) claimAmountPence!: number;
}
export const claimAmountRecordedV1 = defineEvent('cases', 'claim-amount-recorded', 1, ClaimAmountRecordedV1);

/**
 * A hearing was listed for a case. Where and when, for the parties' timeline, correspondence and live
 * "hearing changed" updates; `startsAt` is the instant (the court's local time is London's).
 */
export class HearingListedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() hearingId!: string;
  @IsString() @Length(1, 64) hearingType!: string;
  @IsString() @Length(1, 64) venueId!: string;
  @IsString() @Length(1, 200) venueName!: string;
  @IsDateString() startsAt!: string;
  @IsInt() @Min(1) durationMinutes!: number;
}
export const hearingListedV1 = defineEvent('cases', 'hearing-listed', 1, HearingListedV1);

/**
 * A hearing's status changed on the day or before it: running late (with the delay), in progress,
 * adjourned, vacated, completed, or relisted (back to `listed` with a new `startsAt`). The reason an
 * officer typed for an adjournment stays in the cases service: it is free text.
 */
export class HearingStatusChangedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() hearingId!: string;
  @IsIn(['listed', 'running-late', 'in-progress', 'adjourned', 'vacated', 'completed']) from!: string;
  @IsIn(['listed', 'running-late', 'in-progress', 'adjourned', 'vacated', 'completed']) to!: string;
  @IsDateString() startsAt!: string;
  @IsOptional() @IsInt() @Min(1) delayMinutes?: number;
}
export const hearingStatusChangedV1 = defineEvent('cases', 'hearing-status-changed', 1, HearingStatusChangedV1);

/**
 * An adjourned hearing was listed again (published with its `hearing-status-changed` to `listed`): the day
 * it was listed for before and where and when it now is, so the parties are told it moved. A type of its
 * own rather than fields added to `hearing-status-changed.v1`, which consumers validate strictly.
 */
export class HearingRelistedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() hearingId!: string;
  @IsDateString() previousStartsAt!: string;
  @IsDateString() startsAt!: string;
  @IsString() @Length(1, 200) venueName!: string;
}
export const hearingRelistedV1 = defineEvent('cases', 'hearing-relisted', 1, HearingRelistedV1);

/** A party as access needs it: its role, its citizen account and the firm representing it. Ids only. */
export class CaseAccessPartyV2 {
  @IsUUID() partyId!: string;
  @IsString() @Length(1, 32) role!: string;
  @IsOptional() @IsString() @Length(1, 255) userId?: string;
  /** The firm that represents the party. */
  @IsOptional() @IsString() @Length(1, 64) organisationId?: string;
  /** The party's side pays the case's fees (its role may trigger an event that makes one due): it may see them. */
  @IsOptional() @IsBoolean() paysFees?: boolean;
}

/** The most parties a case holds: what one case-access-changed event carries (cases refuses a party more). */
export const MAX_CASE_PARTIES = 100;

/**
 * Who may see a case besides staff, and for which party each of them acts: the parties' citizen
 * accounts and the firms representing them. Sent on creation and whenever either changes; other
 * services keep it as a projection (libs/case-access) to authorise their own case-linked data.
 * `sequence` is the case's version after the change: projections keep the highest, so a late or
 * replayed event never undoes a newer one, whatever its clock says. Ids, not personal data.
 * (v1 carried flat lists without parties or sequence; nothing publishes it any more.)
 */
export class CaseAccessChangedV2 {
  @IsUUID() caseId!: string;
  @Matches(/^\d{16}$/) reference!: string;
  @IsInt() @Min(1) sequence!: number;
  @IsArray()
  @ArrayMaxSize(MAX_CASE_PARTIES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CaseAccessPartyV2)
  parties!: CaseAccessPartyV2[];
}
export const caseAccessChangedV2 = defineEvent('cases', 'case-access-changed', 2, CaseAccessChangedV2);

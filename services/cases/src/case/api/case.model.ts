import { Directive, Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Case, Readiness } from '../domain/case';
import type { CaseTypeDefinition } from '../../case-type/domain/case-type.definition';
import { formatCaseReference } from '../domain/case-reference';
import { PARTY_KINDS, PARTY_ROLES, Party, PartyKind, PartyRole } from '../domain/party';
import { ADDRESS_LINES_EXAMPLE, LanguageEnum, PartyKindEnum, PartyRoleEnum } from './case.inputs';
import { isStaff, type Principal } from '@ccsc/auth';
import { caseAccessOf } from '../domain/case-access';
import { caseActorOf, hasPartyAccess, mayReadFees } from '../domain/party-access';
import { findCaseType } from '../../case-type/case-types';
import { ConnectionType, ObjectType } from '../../cases.graphql';
import {
  CASE_ID,
  CASE_STATE,
  CASE_TYPE_ID,
  EVENT_ID,
  PARTY_ID,
  USER_ID_EXAMPLE,
  UTC_INSTANT,
} from '../../api-descriptions';

// Response shapes: GraphQL object types that double as the REST/OpenAPI response schema.

const FEE_STATUS =
  '`due` (owed), `paid`, or `remitted` (through Help with Fees), as payments last reported it; payments can report a fee owed again (a payment that bounced).';
const PARTY_ROLE = 'The part the party plays in the case.';
const PARTY_KIND = 'A person or an organisation.';
const PARTY_NAME = 'Full name of the person or organisation; everyone who may see the case sees it.';
const REFERENCE = '16-digit HMCTS case reference, shown as 1234-5678-9012-3456.';
const FEES =
  'Fees the case has made due, and whether they are settled: for staff and the side that pays them; empty for the other side.';
const CLAIM_AMOUNT = 'What a money claim claims, in pence, as its claimant stated it; null where none was given.';
const CREATED = `When the case was opened. ${UTC_INSTANT}`;
const UPDATED = `When the case's state or parties last changed. ${UTC_INSTANT}`;
const STATE = `The state the case is in now. ${CASE_STATE}`;
const CRITERIA = "Each of the event's criteria; empty when it has none.";
const ASSESSED_EVENT = `The event assessed. ${EVENT_ID}`;
const FEE_EVENT = `The event that made it due. ${EVENT_ID}`;
const HISTORY_EVENT = `The event that changed the state. ${EVENT_ID}`;
const HISTORY_FROM = 'The state the case was in before.';
const HISTORY_TO = 'The state the case moved to.';
const STATE_ENDS_ON =
  "The last day of the time allowed in the case's state, in England (YYYY-MM-DD): the defendant's time to respond, the appeal window, the day a stay ends. Null where the state has no time limit.";
const HISTORY_AT = `When it happened. ${UTC_INSTANT}`;

/** Why a party's own details can be null: one rule (hasPartyAccess) for every field that carries it. */
const PARTY_DETAIL =
  'Shown to staff, the party and their representative only; null (left out over REST) for the other side of the case.';

const ADDRESS_LINES = `The party's postal address for letters, one line to an item, trimmed; the postcode (its own field) is its last line when printed. Null (left out over REST) when none is on record. ${PARTY_DETAIL}`;

const IDENTITY =
  "The person or organisation across cases (`partyIdentity`), once staff matched this party with another case's. Staff only: null for anyone else.";

@ObjectType('Party', {
  description:
    'A person or organisation taking part in a case. The other side of the case sees who it is (name, role, kind, representative), not its details.',
})
export class PartyModel {
  @Field(() => ID, { description: PARTY_ID }) @ApiProperty({ format: 'uuid', description: PARTY_ID }) id!: string;
  @Field(() => PartyRoleEnum, { description: PARTY_ROLE })
  @ApiProperty({ enum: PARTY_ROLES, example: 'claimant', description: PARTY_ROLE })
  role!: PartyRole;
  @Field(() => PartyKindEnum, { description: PARTY_KIND })
  @ApiProperty({ enum: PARTY_KINDS, description: PARTY_KIND })
  kind!: PartyKind;
  @Field({ description: PARTY_NAME })
  @ApiProperty({ example: 'Alex Smith', description: PARTY_NAME })
  name!: string;
  @Field({ nullable: true, description: PARTY_DETAIL })
  @ApiPropertyOptional({ description: PARTY_DETAIL })
  email?: string;
  @Field({ nullable: true, description: PARTY_DETAIL })
  @ApiPropertyOptional({ description: PARTY_DETAIL })
  phone?: string;
  @Field({ nullable: true, description: `Upper case, without spaces. ${PARTY_DETAIL}` })
  @ApiPropertyOptional({ description: `Upper case, without spaces. ${PARTY_DETAIL}` })
  postcode?: string;
  @Field(() => [String], { nullable: true, description: ADDRESS_LINES })
  @ApiPropertyOptional({ type: [String], example: ADDRESS_LINES_EXAMPLE, description: ADDRESS_LINES })
  addressLines?: string[];
  @Field({
    nullable: true,
    description: 'Organisation id of the firm representing this party; null when unrepresented.',
  })
  @ApiPropertyOptional({
    example: 'org-smith-and-co',
    description: 'Organisation id of the firm representing this party; left out when unrepresented.',
  })
  representedBy?: string;
  @Field(() => LanguageEnum, {
    nullable: true,
    description: `English or Welsh; null when the party has not said. ${PARTY_DETAIL}`,
  })
  @ApiPropertyOptional({ enum: ['en', 'cy'], description: `Left out when the party has not said. ${PARTY_DETAIL}` })
  preferredLanguage?: string;
  @Field(() => [String], { nullable: true, description: PARTY_DETAIL })
  @ApiPropertyOptional({ type: [String], description: PARTY_DETAIL })
  reasonableAdjustments?: string[];
  @Field(() => [String], { nullable: true, description: PARTY_DETAIL })
  @ApiPropertyOptional({ type: [String], description: PARTY_DETAIL })
  vulnerabilityFlags?: string[];
  @Field(() => ID, { nullable: true, description: IDENTITY })
  @ApiPropertyOptional({ description: IDENTITY })
  identityId?: string;
}

/**
 * A party as this viewer may see it. The citizen account link never leaves the service (it is an
 * access rule, not case data); the party's own details only reach those hasPartyAccess admits.
 */
export function toPartyModel(party: Party, viewer: Principal): PartyModel {
  const {
    id,
    role,
    kind,
    name,
    representedBy,
    email,
    phone,
    postcode,
    addressLines,
    preferredLanguage,
    reasonableAdjustments,
    vulnerabilityFlags,
  } = party;
  const shown: PartyModel = {
    id,
    role,
    kind,
    name,
    ...(representedBy ? { representedBy } : {}),
    // Which other cases a person is on is staff's to know: a party or a firm never learns of them here.
    ...(party.identityId && isStaff(viewer) ? { identityId: party.identityId } : {}),
  };
  if (!hasPartyAccess(caseAccessOf(viewer), party)) return shown;
  return {
    ...shown,
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(postcode ? { postcode } : {}),
    ...(addressLines ? { addressLines } : {}),
    ...(preferredLanguage ? { preferredLanguage } : {}),
    reasonableAdjustments,
    vulnerabilityFlags,
  };
}

@ObjectType('CaseFee', { description: 'A fee an event of the case made due.' })
export class CaseFeeModel {
  @Field({ description: 'Fee code in the fees register, e.g. FEE0202.' })
  @ApiProperty({ example: 'FEE0202', description: 'Fee code in the fees register.' })
  code!: string;
  @Field({ description: FEE_EVENT })
  @ApiProperty({ example: 'submit', description: FEE_EVENT })
  event!: string;
  @Field({ description: FEE_STATUS })
  @ApiProperty({ enum: ['due', 'paid', 'remitted'], description: FEE_STATUS })
  status!: string;
}

const PARTIES =
  "Everyone taking part in the case, in the order they were added. Whoever may see the case sees each party's name, role, kind and representative; the other details only as each field says.";

@ObjectType('Case', { description: 'A case administered by the service centre.' })
@Directive('@key(fields: "id")')
export class CaseModel {
  @Field(() => ID, { description: CASE_ID }) @ApiProperty({ format: 'uuid', description: CASE_ID }) id!: string;
  @Field({ description: REFERENCE })
  @ApiProperty({ example: '1234-5678-9012-3452', description: REFERENCE })
  reference!: string;
  @Field({ description: CASE_TYPE_ID })
  @ApiProperty({ example: 'civil-money-claim', description: CASE_TYPE_ID })
  caseType!: string;
  @Field({ description: STATE })
  @ApiProperty({ example: 'Draft', description: STATE })
  state!: string;
  @Field(() => [PartyModel], { description: PARTIES })
  @ApiProperty({ type: [PartyModel], description: PARTIES })
  parties!: PartyModel[];
  @Field(() => [CaseFeeModel], { description: FEES })
  @ApiProperty({ type: () => [CaseFeeModel], description: FEES })
  fees!: CaseFeeModel[];
  @Field(() => Int, { nullable: true, description: CLAIM_AMOUNT })
  @ApiProperty({ type: 'integer', nullable: true, example: 250000, description: CLAIM_AMOUNT })
  claimAmountPence!: number | null;
  @Field(() => String, { nullable: true, description: STATE_ENDS_ON })
  @ApiProperty({ type: String, nullable: true, example: '2027-03-01', description: STATE_ENDS_ON })
  stateEndsOn!: string | null;
  @Field({ description: CREATED })
  @ApiProperty({ description: CREATED })
  createdAt!: Date;
  @Field({ description: UPDATED })
  @ApiProperty({ description: UPDATED })
  updatedAt!: Date;

  static from(aggregate: Case, viewer: Principal): CaseModel {
    const s = aggregate.snapshot;
    return {
      id: s.id,
      reference: formatCaseReference(s.reference),
      caseType: s.caseType,
      state: s.state,
      parties: s.parties.map((p) => toPartyModel(p, viewer)),
      fees: mayReadFees(caseActorOf(viewer, s.parties), findCaseType(s.caseType)) ? s.fees : [],
      claimAmountPence: s.claimAmountPence,
      stateEndsOn: aggregate.deadline(new Date())?.end.date ?? null,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
  }
}

export const CaseConnection = ConnectionType(CaseModel, 'Case');

const CRITERION_ID = "The criterion's id in the case type, e.g. `fees-settled`, `has-defendant`.";
const CRITERION_DESCRIPTION = 'What the criterion asks, in plain words and the language asked for.';
const CRITERION_MET = 'Whether it is met now; when not, `reason` says what is missing.';
const READY =
  'True when every criterion is met. The event also needs the case to be in a state it starts from, and a caller who may trigger it.';
const WHAT_HAPPENS_NEXT = 'What happens once the event has happened, in plain words and the language asked for.';

@ObjectType('CriterionAssessment', {
  description: 'Whether one readiness criterion of an event is met, and if not, why.',
})
export class CriterionAssessmentModel {
  @Field({ description: CRITERION_ID })
  @ApiProperty({ example: 'fees-settled', description: CRITERION_ID })
  id!: string;
  @Field({ description: CRITERION_DESCRIPTION })
  @ApiProperty({ example: 'Fees are paid or remitted', description: CRITERION_DESCRIPTION })
  description!: string;
  @Field({ description: CRITERION_MET }) @ApiProperty({ example: false, description: CRITERION_MET }) met!: boolean;
  @Field({
    nullable: true,
    description: 'What is missing and what to do about it, in plain words and the language asked for; null when met.',
  })
  @ApiPropertyOptional({
    example: 'The fee FEE0202 has not been paid yet. Pay it, or apply for help with fees.',
    description:
      'What is missing and what to do about it, in plain words and the language asked for; left out when met.',
  })
  reason?: string;
}

@ObjectType('Readiness', { description: 'Whether a case is ready for an event, and what happens next.' })
export class ReadinessModel {
  @Field({ description: ASSESSED_EVENT })
  @ApiProperty({ example: 'issue', description: ASSESSED_EVENT })
  event!: string;
  @Field({ description: READY }) @ApiProperty({ example: false, description: READY }) ready!: boolean;
  @Field(() => [CriterionAssessmentModel], { description: CRITERIA })
  @ApiProperty({ type: [CriterionAssessmentModel], description: CRITERIA })
  criteria!: CriterionAssessmentModel[];
  @Field({ description: WHAT_HAPPENS_NEXT })
  @ApiProperty({
    example: 'The claim is sent to the defendant, who has 14 days to respond.',
    description: WHAT_HAPPENS_NEXT,
  })
  whatHappensNext!: string;

  static from(readiness: Readiness): ReadinessModel {
    return readiness;
  }
}

export class CasePageModel {
  @ApiProperty({ type: [CaseModel], description: 'The cases of this page, newest first.' }) items!: CaseModel[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
    example: 'WyIyMDI3LTAzLTE1VDEwOjAwOjAwLjAwMFoiLCIzZjBiNmMxZS04ZDJhLTRjNWItOWU3Zi0xYTJiM2M0ZDVlNmYiXQ',
  })
  nextCursor!: string | null;
}

const HISTORY_REASON =
  "Why, as given with the event: the person's reason, a court result's outcome, or the deadline that passed when the deadline run moved the case on; null when none was given.";

@ObjectType('CaseHistoryEntry', { description: 'One state change of a case.' })
export class HistoryEntryModel {
  @Field({ description: HISTORY_EVENT })
  @ApiProperty({ example: 'issue', description: HISTORY_EVENT })
  event!: string;
  @Field({ description: HISTORY_FROM })
  @ApiProperty({ example: 'Submitted', description: HISTORY_FROM })
  from!: string;
  @Field({ description: HISTORY_TO })
  @ApiProperty({ example: 'Issued', description: HISTORY_TO })
  to!: string;
  @Field({
    nullable: true,
    description: 'Who triggered it (subject of their token): shown to staff only, null for the parties.',
  })
  @ApiPropertyOptional({
    example: USER_ID_EXAMPLE,
    description: 'Who triggered it (subject of their token): shown to staff only, left out for the parties.',
  })
  actor?: string;
  @Field(() => String, { nullable: true, description: HISTORY_REASON })
  @ApiPropertyOptional({ type: String, nullable: true, description: HISTORY_REASON })
  reason!: string | null;
  @Field({ description: HISTORY_AT })
  @ApiProperty({ description: HISTORY_AT })
  at!: Date;
}

@ObjectType('CaseTypeEvent', {
  description: 'An event of a case type: where it may start, where it leads, who may trigger it.',
})
export class CaseTypeEventModel {
  @Field({ description: 'Event id, as `triggerCaseEvent` and `readiness` take it, e.g. `submit`.' }) id!: string;
  @Field({ description: 'The event in words (English), e.g. "Submit the claim".' }) name!: string;
  @Field(() => [String], { description: 'The states it may start from.' }) from!: string[];
  @Field({ description: 'The state it moves the case to.' }) to!: string;
  @Field(() => [String], { description: 'Staff roles that may trigger it.' }) roles!: string[];
  @Field(() => [String], {
    description:
      'Party roles whose side (the party themselves, or the firm representing them) may trigger it; empty when only staff may.',
  })
  parties!: string[];
  @Field(() => [String], { description: 'Fee codes the event makes due.' }) fees!: string[];
}

@ObjectType('CaseType', { description: 'A case type: its states and events, as data.' })
export class CaseTypeModel {
  @Field({ description: 'Case type id, as cases carry it in `caseType`, e.g. `civil-money-claim`.' }) id!: string;
  @Field({ description: 'English name, e.g. "Civil money claim".' }) name!: string;
  @Field({ description: 'Welsh name.' }) nameCy!: string;
  @Field({ description: '`civil`, `family`, `probate`, `tribunal`, `crime`, `immigration` or `public-guardian`.' })
  jurisdiction!: string;
  @Field({ description: 'The state a new case of this type starts in.' }) initialState!: string;
  @Field(() => [String], { description: 'Every state a case of this type can be in.' }) states!: string[];
  @Field(() => [CaseTypeEventModel], { description: 'The events that move a case of this type on.' })
  events!: CaseTypeEventModel[];

  static from(t: CaseTypeDefinition): CaseTypeModel {
    return {
      id: t.id,
      name: t.name.en,
      nameCy: t.name.cy,
      jurisdiction: t.jurisdiction,
      initialState: t.initialState,
      states: [...t.states],
      events: t.events.map((e) => ({
        id: e.id,
        name: e.name.en,
        from: [...e.from],
        to: e.to,
        roles: [...e.roles],
        parties: [...e.parties],
        fees: [...(e.fees ?? [])],
      })),
    };
  }
}

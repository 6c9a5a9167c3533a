import { Directive, Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Case, Readiness } from '../domain/case';
import type { CaseTypeDefinition } from '../../case-type/domain/case-type.definition';
import { formatCaseReference } from '../domain/case-reference';
import { PARTY_KINDS, PARTY_ROLES, Party, PartyKind, PartyRole } from '../domain/party';
import { LanguageEnum, PartyKindEnum, PartyRoleEnum } from './case.inputs';
import { isStaff, type Principal } from '@ccsc/auth';
import { caseAccessOf } from '../domain/case-access';
import { caseActorOf, hasPartyAccess, mayReadFees } from '../domain/party-access';
import { findCaseType } from '../../case-type/case-types';
import { ConnectionType, ObjectType } from '../../cases.graphql';

// Response shapes: GraphQL object types that double as the REST/OpenAPI response schema.

/** Why a party's own details can be null: one rule (hasPartyAccess) for every field that carries it. */
const PARTY_DETAIL =
  'Shown to staff, the party and their representative only; null (left out over REST) for the other side of the case.';

const IDENTITY =
  "The person or organisation across cases (`partyIdentity`), once staff matched this party with another case's. Staff only: null for anyone else.";

@ObjectType('Party', {
  description:
    'A person or organisation taking part in a case. The other side of the case sees who it is (name, role, kind, representative), not its details.',
})
export class PartyModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => PartyRoleEnum) @ApiProperty({ enum: PARTY_ROLES }) role!: PartyRole;
  @Field(() => PartyKindEnum) @ApiProperty({ enum: PARTY_KINDS }) kind!: PartyKind;
  @Field() @ApiProperty() name!: string;
  @Field({ nullable: true, description: PARTY_DETAIL })
  @ApiPropertyOptional({ description: PARTY_DETAIL })
  email?: string;
  @Field({ nullable: true, description: PARTY_DETAIL })
  @ApiPropertyOptional({ description: PARTY_DETAIL })
  phone?: string;
  @Field({ nullable: true, description: `Upper case, without spaces. ${PARTY_DETAIL}` })
  @ApiPropertyOptional({ description: `Upper case, without spaces. ${PARTY_DETAIL}` })
  postcode?: string;
  @Field({
    nullable: true,
    description: 'Organisation id of the firm representing this party; null when unrepresented.',
  })
  @ApiPropertyOptional()
  representedBy?: string;
  @Field(() => LanguageEnum, { nullable: true, description: `English or Welsh. ${PARTY_DETAIL}` })
  @ApiPropertyOptional({ enum: ['en', 'cy'], description: PARTY_DETAIL })
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
    preferredLanguage,
    reasonableAdjustments,
    vulnerabilityFlags,
  };
}

@ObjectType('CaseFee', { description: 'A fee an event of the case made due.' })
export class CaseFeeModel {
  @Field({ description: 'Fee code in the fees register, e.g. FEE0202.' }) @ApiProperty() code!: string;
  @Field({ description: 'The event that made it due.' }) @ApiProperty() event!: string;
  @Field({ description: '`due`, `paid` or `remitted`.' })
  @ApiProperty({ enum: ['due', 'paid', 'remitted'] })
  status!: string;
}

@ObjectType('Case', { description: 'A case administered by the service centre.' })
@Directive('@key(fields: "id")')
export class CaseModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id!: string;
  @Field({ description: '16-digit HMCTS case reference, shown as 1234-5678-9012-3456.' })
  @ApiProperty({ example: '1234-5678-9012-3452' })
  reference!: string;
  @Field() @ApiProperty({ example: 'civil-money-claim' }) caseType!: string;
  @Field() @ApiProperty({ example: 'Draft' }) state!: string;
  @Field(() => [PartyModel]) @ApiProperty({ type: [PartyModel] }) parties!: PartyModel[];
  @Field(() => [CaseFeeModel], {
    description:
      'Fees the case has made due, and whether they are settled: for staff and the side that pays them; empty for the other side.',
  })
  @ApiProperty({ type: () => [CaseFeeModel] })
  fees!: CaseFeeModel[];
  @Field(() => Int, {
    nullable: true,
    description: 'What a money claim claims, in pence, as its claimant stated it; null where none was given.',
  })
  @ApiProperty({ type: Number, nullable: true, example: 250000 })
  claimAmountPence!: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The last day of the time allowed in the case's state, in England (YYYY-MM-DD): the defendant's time to respond, the appeal window, the day a stay ends. Null where the state has no time limit.",
  })
  @ApiProperty({ type: String, nullable: true, example: '2027-03-01' })
  stateEndsOn!: string | null;
  @Field() @ApiProperty() createdAt!: Date;
  @Field() @ApiProperty() updatedAt!: Date;

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

@ObjectType('CriterionAssessment', {
  description: 'Whether one readiness criterion of an event is met, and if not, why.',
})
export class CriterionAssessmentModel {
  @Field() @ApiProperty() id!: string;
  @Field() @ApiProperty() description!: string;
  @Field() @ApiProperty() met!: boolean;
  @Field({ nullable: true, description: 'What is missing, in plain words.' }) @ApiPropertyOptional() reason?: string;
}

@ObjectType('Readiness', { description: 'Whether a case is ready for an event, and what happens next.' })
export class ReadinessModel {
  @Field() @ApiProperty() event!: string;
  @Field() @ApiProperty() ready!: boolean;
  @Field(() => [CriterionAssessmentModel])
  @ApiProperty({ type: [CriterionAssessmentModel] })
  criteria!: CriterionAssessmentModel[];
  @Field() @ApiProperty() whatHappensNext!: string;

  static from(readiness: Readiness): ReadinessModel {
    return readiness;
  }
}

export class CasePageModel {
  @ApiProperty({ type: [CaseModel] }) items!: CaseModel[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
}

@ObjectType('CaseHistoryEntry', { description: 'One state change of a case.' })
export class HistoryEntryModel {
  @Field() @ApiProperty() event!: string;
  @Field() @ApiProperty() from!: string;
  @Field() @ApiProperty() to!: string;
  @Field({
    nullable: true,
    description: 'Who triggered it (subject of their token): shown to staff only, null for the parties.',
  })
  @ApiPropertyOptional()
  actor?: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) reason!:
    string | null;
  @Field() @ApiProperty() at!: Date;
}

@ObjectType('CaseTypeEvent', {
  description: 'An event of a case type: where it may start, where it leads, who may trigger it.',
})
export class CaseTypeEventModel {
  @Field() id!: string;
  @Field() name!: string;
  @Field(() => [String]) from!: string[];
  @Field() to!: string;
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
  @Field() id!: string;
  @Field() name!: string;
  @Field({ description: 'Welsh name.' }) nameCy!: string;
  @Field() jurisdiction!: string;
  @Field() initialState!: string;
  @Field(() => [String]) states!: string[];
  @Field(() => [CaseTypeEventModel]) events!: CaseTypeEventModel[];

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

import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../cases.graphql';
import { PartyKindEnum, PartyRoleEnum } from '../../case/api/case.inputs';
import { PARTY_KINDS, PARTY_ROLES, type PartyKind, type PartyRole } from '../../case/domain/party';
import type { IdentityParty } from '../domain/identity-match';
import { CASE_ID, CASE_STATE, CASE_TYPE_ID, PARTY_ID } from '../../api-descriptions';

const REFERENCE = "The case's 16-digit reference, as 16 digits without dashes (e.g. 1234567890123452).";
const STATE = `The state the case is in now. ${CASE_STATE}`;
const IDENTITY_ID = "The identity's id (UUID): the person or organisation across cases.";

@ObjectType('IdentityParty', { description: 'One of the cases of a person or organisation, and who they are there.' })
export class IdentityPartyModel {
  @Field(() => ID, { description: PARTY_ID }) @ApiProperty({ format: 'uuid', description: PARTY_ID }) partyId!: string;
  @Field(() => PartyRoleEnum, { description: 'The part they play in that case.' })
  @ApiProperty({ enum: PARTY_ROLES, description: 'The part they play in that case.' })
  role!: PartyRole;
  @Field(() => PartyKindEnum, { description: 'A person or an organisation.' })
  @ApiProperty({ enum: PARTY_KINDS, description: 'A person or an organisation.' })
  kind!: PartyKind;
  @Field({ description: 'Their name as that case has it.' })
  @ApiProperty({ example: 'Alex Smith', description: 'Their name as that case has it.' })
  name!: string;
  @Field(() => ID, { description: CASE_ID }) @ApiProperty({ format: 'uuid', description: CASE_ID }) caseId!: string;
  @Field({ description: REFERENCE })
  @ApiProperty({ example: '1234567890123452', description: REFERENCE })
  reference!: string;
  @Field({ description: CASE_TYPE_ID })
  @ApiProperty({ example: 'civil-money-claim', description: CASE_TYPE_ID })
  caseType!: string;
  @Field({ description: STATE }) @ApiProperty({ example: 'AwaitingResponse', description: STATE }) state!: string;
}

@ObjectType('PartyIdentity', {
  description: 'A person or organisation across cases, as staff matched their parties: every case they are on.',
})
export class PartyIdentityModel {
  @Field(() => ID, { description: IDENTITY_ID }) @ApiProperty({ format: 'uuid', description: IDENTITY_ID }) id!: string;
  @Field(() => [IdentityPartyModel], { description: 'Oldest case first.' })
  @ApiProperty({ type: [IdentityPartyModel] })
  parties!: IdentityPartyModel[];

  static from(identity: { id: string; parties: IdentityParty[] }): PartyIdentityModel {
    return {
      id: identity.id,
      parties: identity.parties.map(({ caseCreatedAt: _created, ...party }) => party),
    };
  }
}

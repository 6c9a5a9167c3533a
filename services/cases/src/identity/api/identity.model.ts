import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../cases.graphql';
import { PartyKindEnum, PartyRoleEnum } from '../../case/api/case.inputs';
import { PARTY_KINDS, PARTY_ROLES, type PartyKind, type PartyRole } from '../../case/domain/party';
import type { IdentityParty } from '../domain/identity-match';

@ObjectType('IdentityParty', { description: 'One of the cases of a person or organisation, and who they are there.' })
export class IdentityPartyModel {
  @Field(() => ID) @ApiProperty() partyId!: string;
  @Field(() => PartyRoleEnum) @ApiProperty({ enum: PARTY_ROLES }) role!: PartyRole;
  @Field(() => PartyKindEnum) @ApiProperty({ enum: PARTY_KINDS }) kind!: PartyKind;
  @Field() @ApiProperty() name!: string;
  @Field(() => ID) @ApiProperty() caseId!: string;
  @Field() @ApiProperty() reference!: string;
  @Field() @ApiProperty() caseType!: string;
  @Field() @ApiProperty() state!: string;
}

@ObjectType('PartyIdentity', {
  description: 'A person or organisation across cases, as staff matched their parties: every case they are on.',
})
export class PartyIdentityModel {
  @Field(() => ID) @ApiProperty() id!: string;
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

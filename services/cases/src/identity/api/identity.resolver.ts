import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { IDENTITY_MATCHERS, IDENTITY_READERS } from '../../roles';
import { PartyIdentities } from '../application/party-identities';
import { MatchPartyIdentityInput } from './identity.inputs';
import { PartyIdentityModel } from './identity.model';
import { CASE_ID } from '../../api-descriptions';

@Resolver(() => PartyIdentityModel)
export class IdentityResolver {
  constructor(private readonly identities: PartyIdentities) {}

  @Query(() => PartyIdentityModel, {
    description: 'Every case of a person or organisation staff matched across cases.',
  })
  @Roles(...IDENTITY_READERS)
  async partyIdentity(
    @Args('id', { type: () => ID, description: "The identity's id (UUID), as a party's `identityId` gives it." })
    id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PartyIdentityModel> {
    return PartyIdentityModel.from(await this.identities.identity(assertUuid(id, 'id'), principal));
  }

  @Mutation(() => PartyIdentityModel, {
    description: 'Matches a party with a party of another case as the same person or organisation (never guessed).',
  })
  @Roles(...IDENTITY_MATCHERS)
  async matchPartyIdentity(
    @Args('input', { description: 'The party, and the party of another case it is the same as.' })
    input: MatchPartyIdentityInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<PartyIdentityModel> {
    const identityId = await this.identities.match(input, principal, correlationId);
    return PartyIdentityModel.from(await this.identities.identity(identityId, principal));
  }

  @Mutation(() => Boolean, { description: 'Takes back a mistaken match of a party; true once it has no identity.' })
  @Roles(...IDENTITY_MATCHERS)
  async unmatchPartyIdentity(
    @Args('caseId', { type: () => ID, description: CASE_ID }) caseId: string,
    @Args('partyId', {
      type: () => ID,
      description: 'The party to take out of its identity: its id on the case (UUID).',
    })
    partyId: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<boolean> {
    await this.identities.unmatch(
      { caseId: assertUuid(caseId, 'caseId'), partyId: assertUuid(partyId, 'partyId') },
      principal,
      correlationId,
    );
    return true;
  }
}

import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { PartyModel, toPartyModel } from '../../case/api/case.model';
import { PartyCommands } from '../application/party.commands';
import { AddPartyInput, ChangeRepresentationInput, UpdatePartyInput } from './party.inputs';
import { PARTY_ADDERS, PARTY_EDITORS } from '../../roles';

@Resolver(() => PartyModel)
export class PartyResolver {
  constructor(private readonly parties: PartyCommands) {}

  @Mutation(() => PartyModel, { description: 'Adds a party to a case.' })
  @Roles(...PARTY_ADDERS)
  async addParty(
    @Args('input', { description: 'The case, and the party to add to it.' }) input: AddPartyInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return toPartyModel(await this.parties.addParty(input.caseId, input.party, principal, correlationId), principal);
  }

  @Mutation(() => PartyModel, {
    description: "Changes a party's details: contact, language, reasonable adjustments, vulnerability.",
  })
  @Roles(...PARTY_EDITORS)
  async updateParty(
    @Args('input', { description: 'The case, the party, and the details to change; omitted details stay as they are.' })
    input: UpdatePartyInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const { caseId, partyId, ...details } = input;
    return toPartyModel(await this.parties.updateParty(caseId, partyId, details, principal, correlationId), principal);
  }

  @Mutation(() => PartyModel, {
    description:
      "Changes who represents a party; the firms' access follows at once. Staff name a firm (on a notice of change the party has confirmed); whoever acts for the party may only take its firm off the record (null).",
  })
  @Roles(...PARTY_EDITORS)
  async changeRepresentation(
    @Args('input', { description: 'The case, the party, and the firm now representing it (null for none).' })
    input: ChangeRepresentationInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return toPartyModel(
      await this.parties.changeRepresentation(
        input.caseId,
        input.partyId,
        input.organisationId ?? undefined,
        principal,
        correlationId,
      ),
      principal,
    );
  }
}

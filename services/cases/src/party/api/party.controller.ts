import { Body, Controller, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { KEY_REUSED } from '../../api-descriptions';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { PartyInput } from '../../case/api/case.inputs';
import { PartyModel, toPartyModel } from '../../case/api/case.model';
import { PartyCommands } from '../application/party.commands';
import { PartyDetailsInput, RepresentationBody } from './party.inputs';
import { PARTY_ADDERS, PARTY_EDITORS } from '../../roles';

@ApiTags('cases')
@Controller('api/v1/cases/:id/parties')
export class PartyController {
  constructor(private readonly parties: PartyCommands) {}

  @Post()
  @Roles(...PARTY_ADDERS)
  @ApiOperation({ summary: 'Add a party to a case' })
  @ApiCreatedResponse({ type: PartyModel })
  @ApiConflictResponse({
    description: `The case has ended (withdrawn, struck out, closed...), or holds its 100 parties already, or ${KEY_REUSED}`,
  })
  @ApiForbiddenResponse({
    description:
      'Your role may not add parties, or the party is not one you may add: a firm links no citizen account, and names itself only for a role it already acts for',
  })
  async add(
    @Param('id') id: string,
    @Body() body: PartyInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return toPartyModel(await this.parties.addParty(assertUuid(id), body, principal, correlationId), principal);
  }

  @Patch(':partyId')
  @Roles(...PARTY_EDITORS)
  @ApiOperation({ summary: "Change a party's details" })
  @ApiOkResponse({ type: PartyModel })
  @ApiForbiddenResponse({
    description:
      'Your role may not change parties, or you do not act for this party (staff, or whoever acts for the party, change its details)',
  })
  async update(
    @Param('id') id: string,
    @Param('partyId') partyId: string,
    @Body() body: PartyDetailsInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return toPartyModel(
      await this.parties.updateParty(assertUuid(id), assertUuid(partyId, 'partyId'), body, principal, correlationId),
      principal,
    );
  }

  @Put(':partyId/representation')
  @Roles(...PARTY_EDITORS)
  @ApiOperation({
    summary: 'Change who represents a party (access follows at once)',
    description:
      'Staff name a firm (on a notice of change the party has confirmed); whoever acts for the party may only take its firm off the record (organisationId null).',
  })
  @ApiOkResponse({ type: PartyModel })
  @ApiForbiddenResponse({
    description:
      'Your role may not change representation, or not this way: only staff name a firm; whoever acts for the party may only take its firm off the record',
  })
  async represent(
    @Param('id') id: string,
    @Param('partyId') partyId: string,
    @Body() body: RepresentationBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return toPartyModel(
      await this.parties.changeRepresentation(
        assertUuid(id),
        assertUuid(partyId, 'partyId'),
        body.organisationId ?? undefined,
        principal,
        correlationId,
      ),
      principal,
    );
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { IDENTITY_MATCHERS, IDENTITY_READERS } from '../../roles';
import { PartyIdentities } from '../application/party-identities';
import { MatchPartyBody } from './identity.inputs';
import { PartyIdentityModel } from './identity.model';

@ApiTags('cases')
@Controller('api/v1/cases')
export class IdentityController {
  constructor(private readonly identities: PartyIdentities) {}

  @Put(':id/parties/:partyId/identity')
  @Roles(...IDENTITY_MATCHERS)
  @ApiOperation({
    summary: 'Match a party with a party of another case as the same person or organisation (staff, never guessed)',
  })
  @ApiOkResponse({ type: PartyIdentityModel, description: 'The identity both parties now have, with all its cases' })
  @ApiNotFoundResponse({ description: 'No such party on this case, or no party to match with' })
  @ApiConflictResponse({
    description: 'The two parties are on the same case, or one is a person and the other an organisation',
  })
  async match(
    @Param('id') id: string,
    @Param('partyId') partyId: string,
    @Body() body: MatchPartyBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<PartyIdentityModel> {
    const input = {
      caseId: assertUuid(id),
      partyId: assertUuid(partyId, 'partyId'),
      sameAsPartyId: body.sameAsPartyId,
    };
    const identityId = await this.identities.match(input, principal, correlationId);
    return PartyIdentityModel.from(await this.identities.identity(identityId, principal));
  }

  @Delete(':id/parties/:partyId/identity')
  @HttpCode(204)
  @Roles(...IDENTITY_MATCHERS)
  @ApiOperation({
    summary: 'Take back a mistaken match: the party is no longer the same as the parties it was matched with',
  })
  @ApiNoContentResponse({ description: 'The party has no identity now (also when it had none)' })
  async unmatch(
    @Param('id') id: string,
    @Param('partyId') partyId: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.identities.unmatch(
      { caseId: assertUuid(id), partyId: assertUuid(partyId, 'partyId') },
      principal,
      correlationId,
    );
  }

  @Get('identities/:identityId')
  @Roles(...IDENTITY_READERS)
  @ApiOperation({ summary: 'Every case of a person or organisation that staff matched across cases' })
  @ApiOkResponse({ type: PartyIdentityModel })
  @ApiNotFoundResponse({ description: 'No such identity, or no party has it any more' })
  async identity(
    @Param('identityId') identityId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PartyIdentityModel> {
    return PartyIdentityModel.from(await this.identities.identity(assertUuid(identityId, 'identityId'), principal));
  }
}

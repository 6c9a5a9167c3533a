import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { TermsCommands } from '../application/terms.commands';
import { ENFORCEMENT_OFFICERS } from '../../roles';
import { MeansAssessmentBody, termsFrom, VaryTermsBody } from './terms.inputs';
import { MeansAssessmentModel } from './terms.model';
import { TermsVariationModel } from '../../account/api/account.model';

/** Payment terms over REST: varying them, and the means assessment that proposes affordable ones. */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class TermsController {
  constructor(private readonly terms: TermsCommands) {}

  @Post('accounts/:id/terms')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: 'Vary the payment terms, with a reason: the account leaves default' })
  @ApiCreatedResponse({ type: TermsVariationModel, description: 'The new version of the terms' })
  @ApiConflictResponse({ description: 'The account is not live' })
  @ApiBadRequestResponse({ description: 'Invalid terms (problem+json with field errors)' })
  vary(
    @Param('id') id: string,
    @Body() body: VaryTermsBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.terms.vary(assertUuid(id), termsFrom(body.terms), body.reason, principal, correlationId);
  }

  @Post('accounts/:id/means-assessments')
  @Roles(...ENFORCEMENT_OFFICERS)
  @ApiOperation({ summary: 'Record a means assessment and get the affordable terms it proposes' })
  @ApiCreatedResponse({ type: MeansAssessmentModel })
  @ApiConflictResponse({ description: 'The account is not live' })
  assess(@Param('id') id: string, @Body() body: MeansAssessmentBody, @CurrentPrincipal() principal: Principal) {
    const { frequency, ...means } = body;
    return this.terms.assess(assertUuid(id), means, frequency, principal);
  }
}

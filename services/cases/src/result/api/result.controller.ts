import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { RESULTERS } from '../../roles';
import { ResultCommands } from '../application/result.commands';
import { RecordResultBody } from './result.inputs';
import { CaseResultModel } from './result.model';
import { INVALID_INPUT, KEY_REUSED } from '../../api-descriptions';

@ApiTags('cases')
@Controller('api/v1/cases/:id/results')
export class ResultController {
  constructor(private readonly results: ResultCommands) {}

  @Post()
  @Roles(...RESULTERS)
  @ApiOperation({ summary: 'Record a court result' })
  @ApiCreatedResponse({ type: CaseResultModel })
  @ApiBadRequestResponse({
    description: `${INVALID_INPUT}, not a defendant of the case, impositions on a case type that imposes none, or a creditor that does not fit the kind of imposition`,
  })
  @ApiConflictResponse({
    description: `The defendant has already been resulted, the case is not in a state, or not ready, to be resulted, or ${KEY_REUSED}`,
  })
  record(
    @Param('id') id: string,
    @Body() body: RecordResultBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.results.record(assertUuid(id), body, principal, correlationId);
  }
}

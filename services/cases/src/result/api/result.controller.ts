import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { RESULTERS } from '../../roles';
import { ResultCommands } from '../application/result.commands';
import { RecordResultBody } from './result.inputs';
import { CaseResultModel } from './result.model';

@ApiTags('cases')
@Controller('api/v1/cases/:id/results')
export class ResultController {
  constructor(private readonly results: ResultCommands) {}

  @Post()
  @Roles(...RESULTERS)
  @ApiOperation({ summary: 'Record a court result' })
  @ApiCreatedResponse({ type: CaseResultModel })
  record(
    @Param('id') id: string,
    @Body() body: RecordResultBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.results.record(assertUuid(id), body, principal, correlationId);
  }
}

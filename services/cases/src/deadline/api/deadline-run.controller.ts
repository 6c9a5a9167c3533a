import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { DEADLINE_RUNNERS } from '../../roles';
import { DeadlineRun } from '../application/deadline-run';
import { DeadlineRunBody } from './deadline-run.inputs';
import { DeadlineRunModel } from './deadline-run.model';

/** The case-deadline run over REST, for staff who need it now rather than at the next interval. */
@ApiTags('cases')
@Controller('api/v1/cases/deadlines/runs')
export class DeadlineRunController {
  constructor(private readonly deadlineRun: DeadlineRun) {}

  @Post()
  @HttpCode(200)
  @Roles(...DEADLINE_RUNNERS)
  @ApiOperation({ summary: 'Trigger the events of every case deadline that has passed (each case is moved on once)' })
  @ApiOkResponse({ type: DeadlineRunModel })
  @ApiBadRequestResponse({ description: 'Not a calendar day, or a day to come' })
  run(@Body() body: DeadlineRunBody, @CurrentPrincipal() principal: Principal): Promise<DeadlineRunModel> {
    return this.deadlineRun.run(body.runOn, principal.sub);
  }
}

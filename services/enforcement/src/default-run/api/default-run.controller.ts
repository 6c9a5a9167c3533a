import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { DefaultRun } from '../application/default-run.commands';
import { DEFAULT_RUN_STARTERS } from '../../roles';
import { DefaultRunBody } from './default-run.inputs';
import { DefaultRunModel } from './default-run.model';

/** The default run over REST, for staff who need it now rather than at the next interval. */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class DefaultRunController {
  constructor(private readonly defaultRun: DefaultRun) {}

  @Post('default-runs')
  @HttpCode(200)
  @Roles(...DEFAULT_RUN_STARTERS)
  @ApiOperation({ summary: 'Run the default run now (it is idempotent for the day)' })
  @ApiOkResponse({ type: DefaultRunModel })
  runDefault(@Body() body: DefaultRunBody, @CurrentPrincipal() principal: Principal) {
    return this.defaultRun.run(body.runOn, principal.sub);
  }
}

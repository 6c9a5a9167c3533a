import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { londonLocalDate } from '@ccsc/calendar';
import { MiQueries } from '../application/mi.queries';
import { MI_READERS } from '../../roles';
import { EnforcementMiModel } from './mi.model';

/** Management information over REST. */
@ApiTags('enforcement')
@Controller('api/v1/enforcement')
export class MiController {
  constructor(private readonly mi: MiQueries) {}

  @Get('mi')
  @Roles(...MI_READERS)
  @ApiOperation({
    summary: 'Collection rate, outstanding by age, accounts in default and actions by type, per business unit',
  })
  @ApiOkResponse({
    type: [EnforcementMiModel],
    description: 'One entry per business unit that has accounts, in business-unit order, as of today (London)',
  })
  managementInformation() {
    return this.mi.byBusinessUnit(londonLocalDate(new Date()));
  }
}

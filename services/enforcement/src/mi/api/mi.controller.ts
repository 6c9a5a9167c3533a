import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { londonLocalDate } from '@ccsc/calendar';
import { MiQueries } from '../application/mi.queries';
import { MI_READERS } from '../../roles';

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
  managementInformation() {
    return this.mi.byBusinessUnit(londonLocalDate(new Date()));
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { BadUserInputError } from '@ccsc/platform';
import { MI_READERS } from '../../roles';
import { ComplaintMiQueries } from '../application/mi.queries';
import { ComplaintMiQuery } from './mi.inputs';
import { ComplaintMiModel } from './mi.model';

@ApiTags('complaints')
@Controller('api/v1/complaints/mi')
export class ComplaintMiController {
  constructor(private readonly mi: ComplaintMiQueries) {}

  @Get(':period')
  @Roles(...MI_READERS)
  @ApiOperation({ summary: 'Complaint figures for a London day (`day`) or month (`month`)' })
  @ApiOkResponse({ type: ComplaintMiModel })
  figures(@Param('period') period: string, @Query() query: ComplaintMiQuery) {
    if (period !== 'day' && period !== 'month')
      throw new BadUserInputError('Unknown period', [{ field: 'period', message: 'must be day or month' }]);
    return this.mi.figures(period, query.start);
  }
}

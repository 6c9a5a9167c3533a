import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { RECONCILERS } from '../../roles';
import { LedgerQueries } from '../application/ledger.queries';
import { ReconciliationArgs } from './ledger.inputs';
import { ReconciliationModel } from './ledger.model';

@ApiTags('ledger')
@Controller('api/v1/payments/reconciliation')
export class ReconciliationController {
  constructor(private readonly queries: LedgerQueries) {}

  @Get()
  @Roles(...RECONCILERS)
  @ApiOperation({ summary: 'The daily reconciliation: takings by method, and allocations by business area' })
  @ApiOkResponse({ type: ReconciliationModel })
  @ApiBadRequestResponse({ description: 'Not a calendar day' })
  async report(@Query() query: ReconciliationArgs): Promise<ReconciliationModel> {
    return this.queries.report(query.date);
  }
}

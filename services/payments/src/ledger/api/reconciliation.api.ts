import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsLocalDay } from '@ccsc/platform';
import { Roles } from '@ccsc/auth';
import { Reconciliation, ReconciliationQueries } from '../infrastructure/reconciliation.queries';

export class ReconciliationArgs {
  @ApiProperty({ example: '2026-12-01', description: 'A day in England.' }) @IsLocalDay() date!: string;
}

export class ReconciliationLineModel {
  @ApiProperty({ description: 'The payment method, or the business area.' }) key!: string;
  @ApiProperty({ description: 'Net pence: money in less refunds and reversals.' }) netPence!: number;
  @ApiProperty() entries!: number;
}

export class ReconciliationModel implements Reconciliation {
  @ApiProperty() date!: string;
  @ApiProperty({ type: [ReconciliationLineModel] }) byMethod!: ReconciliationLineModel[];
  @ApiProperty({ type: [ReconciliationLineModel], description: 'Money allocated that day, by the business area it went to.' }) byBusinessArea!: ReconciliationLineModel[];
}

@ApiTags('ledger')
@Controller('api/v1/payments/reconciliation')
export class ReconciliationController {
  constructor(private readonly queries: ReconciliationQueries) {}

  @Get()
  @Roles('finance-officer', 'team-leader')
  @ApiOperation({ summary: 'The daily reconciliation: takings by method, and allocations by business area' })
  @ApiOkResponse({ type: ReconciliationModel })
  @ApiBadRequestResponse({ description: 'Not a calendar day' })
  async report(@Query() query: ReconciliationArgs): Promise<ReconciliationModel> {
    return this.queries.report(query.date);
  }
}

import { ApiProperty } from '@nestjs/swagger';
import type { Reconciliation } from '../application/ledger.queries';

export class ReconciliationLineModel {
  @ApiProperty({ description: 'The payment method, or the business area.' }) key!: string;
  @ApiProperty({ description: 'Net pence: money in less refunds and reversals.' }) netPence!: number;
  @ApiProperty() entries!: number;
}

export class ReconciliationModel implements Reconciliation {
  @ApiProperty() date!: string;
  @ApiProperty({ type: [ReconciliationLineModel] }) byMethod!: ReconciliationLineModel[];
  @ApiProperty({
    type: [ReconciliationLineModel],
    description: 'Money allocated that day, by the business area it went to.',
  })
  byBusinessArea!: ReconciliationLineModel[];
}

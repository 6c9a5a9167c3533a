import { Injectable } from '@nestjs/common';
import type { MiFigure, MiPeriod, MiSectionSource } from '@ccsc/management-information';
import { feeFigures, figuresAsRows, type FeeFigures } from '../domain/fees-figures';
import { FeesFiguresRepository } from '../infrastructure/fees-figures.repository';

/**
 * The fees section of `managementInformation`, its CSV export and its metrics. Sums only: no payment,
 * payer or case is read, so nothing here goes to the audit trail.
 */
@Injectable()
export class FeesMiQueries implements MiSectionSource<FeeFigures> {
  constructor(private readonly sums: FeesFiguresRepository) {}

  async figuresFor(period: MiPeriod): Promise<FeeFigures> {
    const [feeIncome, receipts, refunds] = await Promise.all([
      this.sums.feeIncome(period),
      this.sums.receipts(period),
      this.sums.refunds(period),
    ]);
    return feeFigures(period, { feeIncome, receipts, refunds });
  }

  figuresAsRows(figures: FeeFigures): MiFigure[] {
    return figuresAsRows(figures);
  }
}

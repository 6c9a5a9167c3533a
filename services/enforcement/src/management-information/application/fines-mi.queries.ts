import { Injectable } from '@nestjs/common';
import type { MiFigure, MiPeriod, MiSectionSource } from '@ccsc/management-information';
import { finesFiguresAsRows, finesFiguresOf, type FinesFigures } from '../domain/fines-figures';
import { FinesFiguresRepository } from '../infrastructure/fines-figures.repository';

/**
 * The fines section: what happened to fine accounts in a period, for service-centre managers (the
 * surface checks who asks). Figures only, by business unit at most: nothing names a defendant or an
 * account, so a read of them is not one of personal data for the audit trail.
 */
@Injectable()
export class FinesMiQueries implements MiSectionSource<FinesFigures> {
  constructor(private readonly figures: FinesFiguresRepository) {}

  async figuresFor(period: MiPeriod): Promise<FinesFigures> {
    return finesFiguresOf(period, await this.figures.flows(period));
  }

  figuresAsRows(figures: FinesFigures): MiFigure[] {
    return finesFiguresAsRows(figures);
  }
}

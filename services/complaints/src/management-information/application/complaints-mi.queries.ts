import { Injectable } from '@nestjs/common';
import type { MiFigure, MiPeriod, MiSectionSource } from '@ccsc/management-information';
import { casesIssuedOf, complaintsFigures, figuresAsRows, type ComplaintsFigures } from '../domain/complaints-figures';
import { MiComplaintsRepository } from '../infrastructure/complaints-figures.repository';

/**
 * The complaints section of `managementInformation`, its CSV export and its metrics. Counts only:
 * no complaint or complainant is read, so nothing here goes to the audit trail.
 */
@Injectable()
export class MiComplaintsQueries implements MiSectionSource<ComplaintsFigures> {
  constructor(private readonly counts: MiComplaintsRepository) {}

  async figuresFor(period: MiPeriod, required?: Record<string, unknown>): Promise<ComplaintsFigures> {
    // Checked before any query: a wrong representation is refused without reading the database.
    const casesIssued = casesIssuedOf(required);
    const [stages, closures] = await Promise.all([this.counts.stages(period), this.counts.closures(period)]);
    return complaintsFigures(period, stages, closures, casesIssued);
  }

  figuresAsRows(figures: ComplaintsFigures): MiFigure[] {
    return figuresAsRows(figures);
  }
}

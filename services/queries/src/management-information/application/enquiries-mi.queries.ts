import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MiFigure, MiPeriod, MiSectionSource } from '@ccsc/management-information';
import { enquiriesFiguresOf, figuresAsRows, type EnquiriesFigures } from '../domain/enquiries-figures';
import { EnquiriesFiguresRepository } from '../infrastructure/enquiries-figures.repository';

/**
 * The enquiries section of `managementInformation`, its CSV export and its metrics. Counts only: no
 * enquiry or contact is read, so nothing here goes to the audit trail.
 */
@Injectable()
export class EnquiriesMiQueries implements MiSectionSource<EnquiriesFigures> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counts: EnquiriesFiguresRepository,
  ) {}

  async figuresFor(period: MiPeriod): Promise<EnquiriesFigures> {
    return enquiriesFiguresOf(period, await this.counts.counts(this.dataSource.manager, period));
  }

  figuresAsRows(figures: EnquiriesFigures): MiFigure[] {
    return figuresAsRows(figures);
  }
}

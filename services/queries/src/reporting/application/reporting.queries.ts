import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkPeriod, type EnquiryFigures } from '../domain/enquiry-figures';
import { EnquiryFiguresRepository } from '../infrastructure/enquiry-figures.repository';

@Injectable()
export class ReportingQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: EnquiryFiguresRepository,
  ) {}

  /** Volumes, first-contact resolution, SLA compliance and handling time per London day, team, channel and category. */
  async enquiryFigures(from: string, to: string): Promise<EnquiryFigures[]> {
    checkPeriod(from, to);
    return this.figures.byDay(this.dataSource.manager, from, to);
  }
}

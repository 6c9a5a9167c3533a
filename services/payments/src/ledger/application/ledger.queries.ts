import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, londonInstant, type LocalDate } from '@ccsc/calendar';
import { LedgerRepository, type LedgerSum } from '../infrastructure/ledger.repository';

export interface Reconciliation {
  date: LocalDate;
  byMethod: LedgerSum[];
  byBusinessArea: LedgerSum[];
}

/** The daily reconciliation, summed from the ledger in two statements over the London day. */
@Injectable()
export class LedgerQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  /** Takings by how they came in, and allocations by the business area the money went to. */
  async report(date: LocalDate): Promise<Reconciliation> {
    const [from, to] = [londonInstant(date), londonInstant(addDays(date, 1))];
    const manager = this.dataSource.manager;
    const byMethod = await this.ledger.takingsByMethod(manager, from, to);
    const byBusinessArea = await this.ledger.allocationsByBusinessArea(manager, from, to);
    return { date, byMethod, byBusinessArea };
  }
}

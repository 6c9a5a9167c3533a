import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { londonInstant, type LocalDate } from '@ccsc/calendar';
import {
  dailyFlows,
  isBalanced,
  reconciliationChecks,
  type DailyFlows,
  type ReconciliationCheck,
} from '../domain/reconciliation';
import { LedgerRepository, type LedgerSum } from '../infrastructure/ledger.repository';

export interface Reconciliation {
  date: LocalDate;
  byMethod: LedgerSum[];
  byBusinessArea: LedgerSum[];
  flows: DailyFlows;
  /** Each comparison of the day, flagged where it shows a difference. */
  checks: ReconciliationCheck[];
  /** No check is flagged. */
  balanced: boolean;
}

/** The daily reconciliation, summed from the ledger (and the payments register it is checked against) over the London day. */
@Injectable()
export class LedgerQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  /**
   * The daily reconciliation: takings by method, allocations by business area, where the takings
   * went, and the checks of the ledger against itself and against the payments register.
   */
  async report(date: LocalDate): Promise<Reconciliation> {
    const [from, to] = [londonInstant(date), londonInstant(date, '24:00')];
    // One snapshot for every sum, so a payment committed while the report is read cannot show as a difference.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const byMethod = await this.ledger.takingsByMethod(manager, from, to);
      const byBusinessArea = await this.ledger.allocationsByBusinessArea(manager, from, to);
      const flows = dailyFlows(await this.ledger.sumsByKind(manager, from, to));
      const ledgerReceipts = await this.ledger.receiptsByMethod(manager, from, to);
      const registerReceipts = await this.ledger.registerReceiptsByMethod(manager, from, to);
      const checks = reconciliationChecks(flows, registerReceipts, ledgerReceipts);
      return { date, byMethod, byBusinessArea, flows, checks, balanced: isBalanced(checks) };
    });
  }
}

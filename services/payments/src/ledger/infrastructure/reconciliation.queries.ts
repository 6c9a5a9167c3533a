import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, londonInstant, type LocalDate } from '@ccsc/calendar';

export interface ReconciliationLine {
  key: string;
  netPence: number;
  entries: number;
}

export interface Reconciliation {
  date: LocalDate;
  byMethod: ReconciliationLine[];
  byBusinessArea: ReconciliationLine[];
}

/** The daily reconciliation, summed from the ledger in two statements over the London day. */
@Injectable()
export class ReconciliationQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takings by how they came in (money on the cash and firm-account side: receipts less refunds
   * and reversals), and allocations by the business area the money went to.
   */
  async report(date: LocalDate): Promise<Reconciliation> {
    const range = [londonInstant(date), londonInstant(addDays(date, 1))];
    const byMethod = (await this.dataSource.query(
      `SELECT method AS key, sum(amount_pence)::bigint AS net, count(*)::int AS entries FROM ledger_entries
       WHERE occurred_at >= $1 AND occurred_at < $2 AND (account LIKE 'cash:%' OR account LIKE 'firm-account:%')
       GROUP BY method ORDER BY method`,
      range,
    )) as { key: string; net: string; entries: number }[];
    const byArea = (await this.dataSource.query(
      `SELECT COALESCE(business_area, 'unassigned') AS key, sum(amount_pence)::bigint AS net, count(*)::int AS entries FROM ledger_entries
       WHERE occurred_at >= $1 AND occurred_at < $2 AND kind IN ('allocation', 'reversal') AND account LIKE 'payment:%'
       GROUP BY 1 ORDER BY 1`,
      range,
    )) as { key: string; net: string; entries: number }[];
    const lines = (rows: typeof byMethod) => rows.map((r) => ({ key: r.key, netPence: Number(r.net), entries: r.entries }));
    return { date, byMethod: lines(byMethod), byBusinessArea: lines(byArea) };
  }
}

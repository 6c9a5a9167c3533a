import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inMiPeriod, miBucketSql, type MiPeriod } from '@ccsc/management-information';
import { joinSql, query, rawSql, sql, type Sql } from '@ccsc/platform';
import type { FinesFlowRow } from '../domain/fines-figures';

/** Sums come back as bigint text: a period's sum may pass what an int holds, though each amount fits one. */
interface FlowRow {
  business_unit: string;
  bucket: string;
  accounts_opened: number;
  imposed: string;
  collected: string;
  written_off: string;
}

const MEASURES = ['opened', 'imposed', 'collected', 'written_off'] as const;

/** One kind of flow, grouped by unit and bucket: its measure from `value`, the others zero, for the UNION. */
function flow(
  period: MiPeriod,
  f: { at: Sql; measure: (typeof MEASURES)[number]; value: Sql; from: Sql; where?: Sql },
): Sql {
  const measures = joinSql(MEASURES.map((m) => sql`${m === f.measure ? f.value : sql`0`} AS ${rawSql(m)}`));
  return sql`SELECT a.business_unit, ${miBucketSql(f.at, period)} AS bucket, ${measures}
               FROM ${f.from} WHERE ${inMiPeriod(f.at, period)} AND ${f.where ?? sql`true`}
              GROUP BY 1, 2`;
}

/**
 * The period's flows by business unit and bucket, each kind grouped on the index of its own instant
 * (migration 1735400000000), so a month reads that month's rows only:
 *  - accounts opened (`opened_at`);
 *  - impositions (`imposed_at`), those of the account when opened and any added later (a fixed penalty's
 *    increase); not the copies consolidation makes on the account the others go into, which keep the
 *    date of the imposition they copy and would count it twice: a copy is recognised as an imposition
 *    matched, date, kind, creditor and priority, by one of at least its amount on an account consolidated
 *    into its own (through a chain of consolidations, each copy by the one before);
 *  - payments applied to an account (`applied_at`), less those taken back (bounced, charged back or
 *    transferred away) when they were taken back (`reversed_at`), as the account's paid figure moved;
 *  - write-offs approved by a second person (`decided_at`); a requested or rejected one moved nothing.
 */
export function finesFlowsSql(period: MiPeriod): Sql {
  const payments = sql`fine_payments p JOIN fine_accounts a ON a.id = p.account_id`;
  const flows = [
    flow(period, { at: sql`a.opened_at`, measure: 'opened', value: sql`count(*)`, from: sql`fine_accounts a` }),
    flow(period, {
      at: sql`i.imposed_at`,
      measure: 'imposed',
      value: sql`sum(i.amount_pence)`,
      from: sql`fine_impositions i JOIN fine_accounts a ON a.id = i.account_id`,
      where: sql`NOT EXISTS (
        SELECT 1 FROM fine_accounts s JOIN fine_impositions o ON o.account_id = s.id
         WHERE s.consolidated_into = i.account_id AND o.imposed_at = i.imposed_at AND o.kind = i.kind
           AND o.creditor = i.creditor AND o.priority = i.priority AND o.amount_pence >= i.amount_pence)`,
    }),
    flow(period, { at: sql`p.applied_at`, measure: 'collected', value: sql`sum(p.amount_pence)`, from: payments }),
    flow(period, { at: sql`p.reversed_at`, measure: 'collected', value: sql`-sum(p.amount_pence)`, from: payments }),
    flow(period, {
      at: sql`w.decided_at`,
      measure: 'written_off',
      value: sql`sum(w.amount_pence)`,
      from: sql`write_offs w JOIN fine_accounts a ON a.id = w.account_id`,
      where: sql`w.status = 'approved'`,
    }),
  ];
  return sql`SELECT business_unit, bucket, sum(opened)::int AS accounts_opened, sum(imposed)::bigint AS imposed,
                    sum(collected)::bigint AS collected, sum(written_off)::bigint AS written_off
               FROM (${joinSql(flows, ' UNION ALL ')}) flows
              GROUP BY business_unit, bucket`;
}

/** Read-only aggregates over fine accounts, payments and write-offs, for the fines section. */
@Injectable()
export class FinesFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async flows(period: MiPeriod): Promise<FinesFlowRow[]> {
    const rows = await query<FlowRow>(this.dataSource, finesFlowsSql(period));
    return rows.map((r) => ({
      businessUnit: r.business_unit,
      bucket: r.bucket,
      accountsOpened: r.accounts_opened,
      imposedPence: Number(r.imposed),
      collectedPence: Number(r.collected),
      writtenOffPence: Number(r.written_off),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LocalDate } from '@ccsc/calendar';

export interface BusinessUnitMi {
  businessUnit: string;
  accounts: number;
  imposedPence: number;
  paidPence: number;
  /** Paid as a share of what was imposed, less what was written off: 0..1. */
  collectionRate: number;
  outstandingPence: number;
  outstandingByAge: { under90Days: number; from90To365Days: number; over1Year: number };
  inDefault: number;
  actionsByType: { action: string; count: number }[];
}

/** Management information per business unit, each figure one aggregate over the book. */
@Injectable()
export class MiQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byBusinessUnit(asOf: LocalDate): Promise<BusinessUnitMi[]> {
    const rows = (await this.dataSource.query(
      `SELECT business_unit, count(*)::int AS accounts, sum(imposed_pence)::bigint AS imposed, sum(paid_pence)::bigint AS paid, sum(written_off_pence)::bigint AS written_off,
              sum(imposed_pence - paid_pence - written_off_pence) FILTER (WHERE status = 'live')::bigint AS outstanding,
              sum(imposed_pence - paid_pence - written_off_pence) FILTER (WHERE status = 'live' AND opened_at >= $1::date - 90)::bigint AS under90,
              sum(imposed_pence - paid_pence - written_off_pence) FILTER (WHERE status = 'live' AND opened_at < $1::date - 90 AND opened_at >= $1::date - 365)::bigint AS from90,
              sum(imposed_pence - paid_pence - written_off_pence) FILTER (WHERE status = 'live' AND opened_at < $1::date - 365)::bigint AS over1y,
              count(*) FILTER (WHERE status = 'live' AND defaulted_on IS NOT NULL)::int AS in_default
         FROM fine_accounts GROUP BY business_unit ORDER BY business_unit`,
      [asOf],
    )) as Record<string, string | number | null>[];
    const actions = (await this.dataSource.query(
      `SELECT a.business_unit, e.action, count(*)::int AS n FROM enforcement_actions e JOIN fine_accounts a ON a.id = e.account_id GROUP BY 1, 2 ORDER BY 1, 2`,
    )) as { business_unit: string; action: string; n: number }[];
    const n = (v: string | number | null | undefined) => Number(v ?? 0);
    return rows.map((r) => {
      const collectable = n(r.imposed) - n(r.written_off);
      return {
        businessUnit: r.business_unit as string,
        accounts: n(r.accounts),
        imposedPence: n(r.imposed),
        paidPence: n(r.paid),
        collectionRate: collectable > 0 ? Math.round((n(r.paid) / collectable) * 10_000) / 10_000 : 0,
        outstandingPence: n(r.outstanding),
        outstandingByAge: { under90Days: n(r.under90), from90To365Days: n(r.from90), over1Year: n(r.over1y) },
        inDefault: n(r.in_default),
        actionsByType: actions.filter((a) => a.business_unit === r.business_unit).map((a) => ({ action: a.action, count: a.n })),
      };
    });
  }
}

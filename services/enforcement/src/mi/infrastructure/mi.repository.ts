import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LocalDate } from '@ccsc/calendar';
import { query, sql } from '@ccsc/platform';

/** Sums come back as bigint (text); a unit with nothing live has nulls. */
export interface BusinessUnitTotals {
  business_unit: string;
  accounts: number;
  imposed: string | null;
  paid: string | null;
  written_off: string | null;
  outstanding: string | null;
  under90: string | null;
  from90: string | null;
  over1y: string | null;
  in_default: number;
}

export interface ActionCount {
  business_unit: string;
  action: string;
  n: number;
}

/** Aggregates over the whole book of fine accounts, per business unit. */
@Injectable()
export class MiRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  totals(asOf: LocalDate): Promise<BusinessUnitTotals[]> {
    return query<BusinessUnitTotals>(
      this.dataSource,
      // Consolidation copies what an account still owes onto the account it goes into (as impositions
      // there): the account closed by it counts only what it had itself paid and had written off, so
      // every penny imposed is counted once, where it is now owed.
      sql`SELECT business_unit, count(*)::int AS accounts,
                 sum(CASE WHEN status = 'consolidated' THEN paid_pence + written_off_pence ELSE imposed_pence END)
                   ::bigint AS imposed,
                 sum(paid_pence)::bigint AS paid, sum(written_off_pence)::bigint AS written_off,
                 sum(imposed_pence - paid_pence - written_off_pence)
                   FILTER (WHERE status = 'live')::bigint AS outstanding,
                 sum(imposed_pence - paid_pence - written_off_pence)
                   FILTER (WHERE status = 'live' AND opened_at >= ${asOf}::date - 90)::bigint AS under90,
                 sum(imposed_pence - paid_pence - written_off_pence)
                   FILTER (WHERE status = 'live' AND opened_at < ${asOf}::date - 90
                                             AND opened_at >= ${asOf}::date - 365)::bigint AS from90,
                 sum(imposed_pence - paid_pence - written_off_pence)
                   FILTER (WHERE status = 'live' AND opened_at < ${asOf}::date - 365)::bigint AS over1y,
                 count(*) FILTER (WHERE status = 'live' AND defaulted_on IS NOT NULL)::int AS in_default
            FROM fine_accounts GROUP BY business_unit ORDER BY business_unit`,
    );
  }

  actionCounts(): Promise<ActionCount[]> {
    return query<ActionCount>(
      this.dataSource,
      sql`SELECT a.business_unit, e.action, count(*)::int AS n
            FROM enforcement_actions e JOIN fine_accounts a ON a.id = e.account_id GROUP BY 1, 2 ORDER BY 1, 2`,
    );
  }
}

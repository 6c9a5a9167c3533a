import { Injectable } from '@nestjs/common';
import { LocalDate } from '@ccsc/calendar';
import { MiRepository } from '../infrastructure/mi.repository';
import { collectionRate } from '../domain/collection-rate';

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
  constructor(private readonly mi: MiRepository) {}

  async byBusinessUnit(asOf: LocalDate): Promise<BusinessUnitMi[]> {
    const rows = await this.mi.totals(asOf);
    const actions = await this.mi.actionCounts();
    const n = (v: string | number | null) => Number(v ?? 0);
    return rows.map((r) => {
      const collectable = n(r.imposed) - n(r.written_off);
      return {
        businessUnit: r.business_unit,
        accounts: n(r.accounts),
        imposedPence: n(r.imposed),
        paidPence: n(r.paid),
        collectionRate: collectionRate(n(r.paid), collectable) ?? 0,
        outstandingPence: n(r.outstanding),
        outstandingByAge: { under90Days: n(r.under90), from90To365Days: n(r.from90), over1Year: n(r.over1y) },
        inDefault: n(r.in_default),
        actionsByType: actions
          .filter((a) => a.business_unit === r.business_unit)
          .map((a) => ({ action: a.action, count: a.n })),
      };
    });
  }
}

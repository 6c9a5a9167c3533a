import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, query, sql } from '@ccsc/platform';
import type { Referral, StakeholderKind } from '../domain/referral';

interface ReferralRow {
  id: string;
  case_id: string;
  stakeholder_kind: StakeholderKind;
  stakeholder_name: string;
  contact_reference: string | null;
  concerns: string;
  recorded_by: string;
  recorded_at: Date;
}

@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, r: Referral): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO status_review_referrals (id, case_id, stakeholder_kind, stakeholder_name, contact_reference,
          concerns, recorded_by, recorded_at)
        VALUES (${r.id}, ${r.caseId}, ${r.stakeholderKind}, ${r.stakeholderName}, ${r.contactReference ?? null},
          ${r.concerns}, ${r.recordedBy}, ${r.recordedAt})`,
    );
  }

  /** Oldest first. */
  async forCase(caseId: string): Promise<Referral[]> {
    const rows = await query<ReferralRow>(
      this.dataSource,
      sql`SELECT * FROM status_review_referrals WHERE case_id = ${caseId} ORDER BY recorded_at, id`,
    );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      stakeholderKind: r.stakeholder_kind,
      stakeholderName: r.stakeholder_name,
      ...(r.contact_reference ? { contactReference: r.contact_reference } : {}),
      concerns: r.concerns,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, query, queryOne, sql } from '@ccsc/platform';
import type { DigitalNeed, Referral, ReferralStatus } from '../domain/referral';

interface ReferralRow {
  id: string;
  case_id: string;
  party_id: string;
  needs: DigitalNeed[];
  status: ReferralStatus;
  supplier_reference: string | null;
  created_at: Date;
  updated_at: Date;
}

@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, r: Referral): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO assisted_digital_referrals (id, case_id, party_id, needs, status, created_at, updated_at)
        VALUES (${r.id}, ${r.caseId}, ${r.partyId}, ${r.needs}, ${r.status}, ${r.createdAt}, ${r.updatedAt})`,
    );
  }

  /** A referral of this case, locked until the caller's transaction ends. */
  async findForUpdate(manager: EntityManager, caseId: string, referralId: string): Promise<Referral | undefined> {
    const row = await queryOne<ReferralRow>(
      manager,
      sql`SELECT * FROM assisted_digital_referrals WHERE id = ${referralId} AND case_id = ${caseId} FOR UPDATE`,
    );
    return row && toReferral(row);
  }

  async update(manager: EntityManager, r: Referral): Promise<void> {
    await execute(
      manager,
      sql`UPDATE assisted_digital_referrals
        SET status = ${r.status}, supplier_reference = ${r.supplierReference ?? null}, updated_at = ${r.updatedAt}
        WHERE id = ${r.id}`,
    );
  }

  /** The referrals of these parties of the case, oldest first. */
  async forParties(caseId: string, partyIds: readonly string[]): Promise<Referral[]> {
    const rows = await query<ReferralRow>(
      this.dataSource,
      sql`SELECT * FROM assisted_digital_referrals WHERE case_id = ${caseId} AND party_id = ANY(${partyIds}::uuid[])
        ORDER BY created_at, id`,
    );
    return rows.map(toReferral);
  }
}

function toReferral(r: ReferralRow): Referral {
  return {
    id: r.id,
    caseId: r.case_id,
    partyId: r.party_id,
    needs: r.needs,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.supplier_reference ? { supplierReference: r.supplier_reference } : {}),
  };
}
